import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * The one-time setup links a server prints while the store has no active admin
 * (server/setup/setup.service.ts). Only the token's keyed hash is kept. At most one row is live
 * (neither used nor replaced, and unexpired): each start replaces the live one. Ended rows stay a
 * while so that opening an old link says why it no longer works; they are pruned at each start.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  await sql
    .raw(`create table setup_tokens (
      token_hash text primary key, created_at ${big} not null, expires_at ${big} not null,
      used_at ${big}, replaced_at ${big})`)
    .execute(db);
}
