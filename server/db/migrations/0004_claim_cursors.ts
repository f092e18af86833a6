import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Where each annotator's next claim search may start (see server/assignments/claim-cursors.repository.ts):
 * a cursor per (project, annotator), valid while its epoch is the project's, which every event
 * that could reopen an item before a cursor advances.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  await sql
    .raw(`create table claim_epochs (
      project_id ${big} primary key references projects(id), epoch ${big} not null)`)
    .execute(db);
  await sql
    .raw(`create table claim_cursors (
      project_id ${big} not null references projects(id), user_id ${big} not null references users(id),
      epoch ${big} not null, sort_key ${big} not null, item_id ${big} not null,
      primary key (project_id, user_id))`)
    .execute(db);
}
