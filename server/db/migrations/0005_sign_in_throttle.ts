import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * The sign-in throttle's keys (server/auth/throttle.ts), in the store so that every server
 * process on it enforces one limit and a restart keeps it. `key` is a keyed hash of the account
 * and address (or the address alone), so no email or address is stored. Rows past `expires_at`
 * hold nothing and are pruned.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const real = kind === 'postgres' ? 'double precision' : 'real';
  await sql
    .raw(`create table sign_in_throttle (
      key text primary key, failures ${real} not null, updated_at ${big} not null,
      next_attempt_at ${big} not null, expires_at ${big} not null)`)
    .execute(db);
  await sql`create index sign_in_throttle_expires on sign_in_throttle (expires_at)`.execute(db);
}
