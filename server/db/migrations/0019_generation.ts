import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * Candidate generation (docs/generation.md; server/generation/):
 * - `items.awaiting`: 1 while an item waits for the candidates of a `responses` field (imported
 *   with its prompt alone, or made by a generation job in mode `new`). It then has no free slot
 *   (`slots_left` 0), whatever the overlap, so the claim never reads it; the job's last slot to
 *   land opens it (`slots_left` = overlap). Every statement that recomputes slots keeps it closed;
 * - `generated_items`: in mode `new`, the item a job made from a source item, one per (job, source
 *   item), so the first slot to commit creates it and the others fill it.
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const big = kind === 'postgres' ? 'bigint' : 'integer';
  const stmts = [
    'alter table items add column awaiting integer not null default 0',
    'create index items_awaiting on items (project_id, id) where awaiting = 1',
    `create table generated_items (
      job_id ${big} not null, source_item_id ${big} not null, item_id ${big} not null,
      primary key (job_id, source_item_id))`,
  ];
  for (const s of stmts) await sql.raw(s).execute(db);
}
