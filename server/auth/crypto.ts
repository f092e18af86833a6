import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters: memory and time grow with N × r; p runs in sequence. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's guidance for scrypt (2^17, 8, 1): 128 MiB and a few hundred milliseconds per hash. */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEY_BYTES = 32;
/** Costs read back from a stored hash are bounded, so a corrupt row cannot ask for gigabytes. */
const MAX_COST: ScryptCost = { N: 2 ** 20, r: 32, p: 16 };

/** The memory scrypt needs (its V and B arrays); Node refuses to run above `maxmem`. */
export const scryptBytes = ({ N, r, p }: ScryptCost): number => 128 * r * (N + p + 2);

function scryptAsync(password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  const options = { ...cost, maxmem: scryptBytes(cost) + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$hash`: the cost travels with the hash, so it can be raised without breaking old ones. */
export async function hashPassword(password: string, cost: ScryptCost = PASSWORD_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_BYTES, cost);
  return `scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface StoredHash {
  cost: ScryptCost;
  salt: Buffer;
  key: Buffer;
}

function parseStoredHash(stored: string): StoredHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const inRange = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;
  if (!inRange(N, MAX_COST.N) || (N & (N - 1)) !== 0 || !inRange(r, MAX_COST.r) || !inRange(p, MAX_COST.p))
    return null;
  const key = Buffer.from(parts[5]!, 'base64url');
  if (key.length < 16) return null;
  return { cost: { N, r, p }, salt: Buffer.from(parts[4]!, 'base64url'), key };
}

export interface Verified {
  ok: boolean;
  /** The password matched a hash made at a lower cost than `cost`: hash it again. */
  weaker: boolean;
}

/**
 * Checks `password` against a stored hash. With no usable hash (an unknown email, an identity
 * without a password) it still spends one hash at `cost`, so timing does not tell which emails
 * have accounts.
 */
export async function verifyPassword(
  password: string,
  stored: string | null,
  cost: ScryptCost = PASSWORD_COST,
): Promise<Verified> {
  const parsed = stored === null ? null : parseStoredHash(stored);
  if (!parsed) {
    await scryptAsync(password, DUMMY_SALT, KEY_BYTES, cost);
    return { ok: false, weaker: false };
  }
  const key = await scryptAsync(password, parsed.salt, parsed.key.length, parsed.cost);
  const ok = timingSafeEqual(key, parsed.key);
  const weaker =
    parsed.cost.N < cost.N ||
    parsed.cost.r < cost.r ||
    parsed.cost.p < cost.p ||
    parsed.key.length < KEY_BYTES;
  return { ok, weaker: ok && weaker };
}

const DUMMY_SALT = Buffer.alloc(16);

/** A random secret handed to a client (session id, API token); only its keyed hash is stored. */
export const newSecret = (prefix: string): string => `${prefix}_${randomBytes(32).toString('base64url')}`;

export const keyedHash = (serverSecret: string, value: string): string =>
  createHmac('sha256', serverSecret).update(value).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
