import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../db/connect.ts';

/**
 * The server secret keys the hashes of session ids and API tokens. There is no default: it comes
 * from VERITY_SECRET, or is generated on first run — into the data folder for SQLite, and into the
 * database for PostgreSQL so every server process on one database shares it.
 */
export async function loadServerSecret(store: Store, dataDir: string, fromEnv?: string): Promise<string> {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('VERITY_SECRET must be at least 32 characters');
    return fromEnv;
  }
  if (store.kind === 'sqlite') {
    const file = path.join(dataDir, 'secret');
    if (!fs.existsSync(file)) {
      fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    }
    return fs.readFileSync(file, 'utf8').trim();
  }
  const fresh = randomBytes(32).toString('base64url');
  await store.db
    .insertInto('settings')
    .values({ key: 'server_secret', value: fresh })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await store.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'server_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}
