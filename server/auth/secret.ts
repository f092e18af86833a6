import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/store.ts';
import { readSetting, settleSetting, writeSetting } from '../system/settings.repository.ts';

/** Who loads the secret: the server adopts a new one; a local CLI command must match the server's. */
export type SecretUser = 'server' | 'local';

/** A local command's secret differs from the server's, so what it made (a token) would not work. */
export class SecretMismatch extends Error {
  constructor(fromEnv: boolean) {
    super(
      fromEnv
        ? "VERITY_SECRET differs from the server's secret for this store; set it to the value the server runs with"
        : 'the server for this store runs with VERITY_SECRET; set VERITY_SECRET to the same value for this command',
    );
  }
}

/**
 * The server secret keys the hashes of session ids and API tokens. There is no default: it comes
 * from VERITY_SECRET, or is generated on first run — into the data folder for SQLite, and into the
 * database for PostgreSQL so every server process on one database shares it.
 *
 * The store keeps a fingerprint of the secret in use (a keyed hash that reveals nothing of it), so
 * a local command run without the server's VERITY_SECRET is refused instead of minting a token
 * the server would never accept. The server itself adopts a changed secret (a rotation, which
 * ends every session and token).
 */
export async function loadServerSecret(
  store: Store,
  dataDir: string,
  fromEnv: string | undefined,
  user: SecretUser,
): Promise<string> {
  if (fromEnv !== undefined && fromEnv.length < 32)
    throw new Error('VERITY_SECRET must be at least 32 characters');
  const known = await readSetting(store.db, 'secret_fingerprint');
  let secret = fromEnv ?? (await readStoredSecret(store, dataDir));
  if (secret === undefined) {
    // No secret of its own yet, but a server has used one: it came from that server's environment.
    if (user === 'local' && known !== undefined) throw new SecretMismatch(false);
    secret = await generateSecret(store, dataDir);
  }
  const fingerprint = fingerprintOf(secret);
  if (known === fingerprint) return secret;
  if (known !== undefined && user === 'local') throw new SecretMismatch(fromEnv !== undefined);
  await writeSetting(store.db, 'secret_fingerprint', fingerprint);
  return secret;
}

const fingerprintOf = (secret: string): string =>
  createHmac('sha256', secret).update('verity secret fingerprint').digest('base64url');

async function readStoredSecret(store: Store, dataDir: string): Promise<string | undefined> {
  if (store.kind === 'postgres') return readSetting(store.db, 'server_secret');
  const file = path.join(dataDir, 'secret');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

async function generateSecret(store: Store, dataDir: string): Promise<string> {
  const fresh = randomBytes(32).toString('base64url');
  if (store.kind === 'sqlite') {
    const file = path.join(dataDir, 'secret');
    // 'wx': a process starting at the same moment may have written one first; read back the winner.
    try {
      fs.writeFileSync(file, fresh, { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    return fs.readFileSync(file, 'utf8').trim();
  }
  return settleSetting(store.db, 'server_secret', fresh);
}
