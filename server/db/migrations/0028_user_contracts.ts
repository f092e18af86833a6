import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * A user's contract window and offboarding (docs/users.md): `users.contract_start` and
 * `users.contract_end` (epoch ms, null: open on that side), access being allowed from the start
 * (inclusive) to the end (exclusive); `users.offboarded_at` (epoch ms), set when an admin
 * offboards the user (a suspension that also revokes their API tokens), cleared on reinstating.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  for (const column of ['contract_start', 'contract_end', 'offboarded_at'])
    await sql.raw(`alter table users add column ${column} ${big}`).execute(db);
}
