import { type Kysely, sql } from 'kysely';
import { type InterfaceDefinition, migrateInterface } from '../../../core/interface/index.ts';
import { refreshDisagreement } from '../../quality/disagreement.ts';
import type { Database } from '../schema.ts';
import type { StoreKind } from '../store.ts';
import type { Tx } from '../transaction.ts';

/**
 * Adaptive overlap (docs/quality.md, "Adaptive overlap"):
 * - `items.target`: the item's own overlap once adaptive overlap has grown it; null: the project's
 *   `overlap` (the minimum). Slots are `coalesce(target, overlap)` − live claims.
 * - `projects.adaptive_overlap`: the setting as JSON text (`{max, threshold}`); null: off.
 *
 * The item list sorts by `coalesce(disagreement, -1)` (items without a score last when most
 * disputed first) and filters by it: an index on that expression, beside migration 0022's on the
 * column (which conditions on `disagreement` itself use).
 *
 * It also gives `items.disagreement` (migration 0022, which left existing rows null) a value for
 * every item with at least two submitted human annotations, a few hundred items at a time.
 */
export async function up(db: Kysely<unknown>, _kind: StoreKind): Promise<void> {
  await sql.raw('alter table items add column target integer').execute(db);
  await sql.raw('alter table projects add column adaptive_overlap text').execute(db);
  await sql
    .raw('create index items_disagreement_sort on items (project_id, (coalesce(disagreement, -1)), id)')
    .execute(db);
  await backfillDisagreement(db as unknown as Tx);
}

const CHUNK = 500;

async function backfillDisagreement(tx: Tx): Promise<void> {
  const projects = await tx.selectFrom('projects').select(['id', 'interface']).execute();
  for (const p of projects) {
    const iface = migrateInterface(JSON.parse(p.interface)) as InterfaceDefinition;
    let after = 0;
    for (;;) {
      const ids = await disputableItems(tx, p.id, after);
      if (ids.length === 0) break;
      await refreshDisagreement(tx, iface, ids);
      after = ids[ids.length - 1]!;
    }
  }
}

/** The next items (by id, after `after`) of the project with two or more submitted human annotations. */
async function disputableItems(db: Kysely<Database>, projectId: number, after: number): Promise<number[]> {
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .select('a.itemId')
    .where('i.projectId', '=', projectId)
    .where('a.itemId', '>', after)
    .where('a.status', '=', 'submitted')
    .where('u.modelConnectionId', 'is', null)
    .groupBy('a.itemId')
    .having(sql<number>`count(*)`, '>=', 2)
    .orderBy('a.itemId')
    .limit(CHUNK)
    .execute();
  return rows.map((r) => Number(r.itemId));
}
