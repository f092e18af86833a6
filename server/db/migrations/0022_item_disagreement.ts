import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../store.ts';

/**
 * `items.disagreement`: the item's disagreement score (core/quality/agreement.ts, 0 when every
 * annotator agrees, 1 at most), kept up to date as its human annotations are submitted, edited or
 * fixed; null with fewer than two of them or nothing measurable. The item browser sorts and filters
 * by it, adaptive overlap and adjudication read it. The index serves "most disputed first".
 */
export async function up(db: Kysely<unknown>, kind: StoreKind): Promise<void> {
  const real = kind === 'postgres' ? 'double precision' : 'real';
  await sql.raw(`alter table items add column disagreement ${real}`).execute(db);
  await sql.raw('create index items_disagreement on items (project_id, disagreement)').execute(db);
}
