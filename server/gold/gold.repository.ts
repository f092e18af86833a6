import type { Insertable } from 'kysely';
import type { GoldItemsTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type GoldItemWrite = Insertable<GoldItemsTable>;

/** Records the gold answers of newly imported items. */
export async function insertGoldItems(tx: Tx, rows: GoldItemWrite[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.insertInto('goldItems').values(rows).execute();
}

/** An item's gold answers, parsed; undefined when it is no gold item. */
export async function findGoldAnswers(db: Db, itemId: number): Promise<Record<string, unknown> | undefined> {
  const row = await db
    .selectFrom('goldItems')
    .select('answers')
    .where('itemId', '=', itemId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.answers) as Record<string, unknown>) : undefined;
}

/** Removes what hangs on deleted items: their gold answers and scores. */
export async function deleteGoldOfItems(tx: Tx, itemIds: number[]): Promise<void> {
  if (itemIds.length === 0) return;
  await tx.deleteFrom('goldScores').where('itemId', 'in', itemIds).execute();
  await tx.deleteFrom('goldItems').where('itemId', 'in', itemIds).execute();
}

/** How many gold items a project holds. */
export async function countGoldItems(db: Db, projectId: number): Promise<number> {
  const row = await db
    .selectFrom('goldItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('projectId', '=', projectId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every gold item of a project with its gold answers, parsed, by item id. */
export async function projectGoldAnswers(
  db: Db,
  projectId: number,
): Promise<Map<number, Record<string, unknown>>> {
  const rows = await db
    .selectFrom('goldItems')
    .select(['itemId', 'answers'])
    .where('projectId', '=', projectId)
    .execute();
  return new Map(rows.map((r) => [r.itemId, JSON.parse(r.answers) as Record<string, unknown>]));
}
