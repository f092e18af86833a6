import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * API keys at rest: AES-256-GCM under a key derived from the server secret with HKDF-SHA256 (a
 * fixed info string naming the purpose and the format's version), stored as
 * `v1.<iv>.<tag>.<ciphertext>` in base64url. Anyone with the database alone learns nothing of the
 * keys; with the secret changed (a rotation), a sealed key no longer opens and must be entered again.
 * Other secrets the server hands out and reads back (a single sign-on flow's cookie) are sealed the
 * same way under a purpose of their own, so one kind of sealed text never opens as another.
 */
const VERSION = 'v1';
const INFOS = {
  'model-api-key': 'verity model-connection api-key v1',
  'sso-flow': 'verity sso-flow cookie v1',
  'invite-flow': 'verity invite-flow cookie v1',
} as const;
export type SealPurpose = keyof typeof INFOS;
const SALT = 'verity-seal';

/** A sealed key that does not open: the secret changed, or the text is not a sealed key. */
export class UnsealError extends Error {
  constructor(reason: string) {
    super(`the stored API key cannot be decrypted (${reason}); enter the key again`);
    this.name = 'UnsealError';
  }
}

const keys = new Map<string, Buffer>();
function keyFor(secret: string, info: string): Buffer {
  const id = `${info}\n${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, SALT, info, 32));
    // One secret per process in practice, a key per purpose: never a growing cache.
    if (keys.size >= Object.keys(INFOS).length) keys.clear();
    keys.set(id, key);
  }
  return key;
}

export function seal(secret: string, plain: string, purpose: SealPurpose = 'model-api-key'): string {
  const info = INFOS[purpose];
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secret, info), iv);
  cipher.setAAD(Buffer.from(info));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, iv, tag, body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

export function unseal(secret: string, sealed: string, purpose: SealPurpose = 'model-api-key'): string {
  const info = INFOS[purpose];
  const parts = sealed.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION)
    throw new UnsealError('not a sealed key of a known version');
  const [iv, tag, body] = parts.slice(1).map((p) => Buffer.from(p, 'base64url')) as [Buffer, Buffer, Buffer];
  if (iv.length !== 12 || tag.length !== 16) throw new UnsealError('not a sealed key of a known version');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(secret, info), iv);
    decipher.setAAD(Buffer.from(info));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    throw new UnsealError('the server secret changed since it was stored, or the value was altered');
  }
}
