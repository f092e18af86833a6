import type { Db, Tx } from '../db/transaction.ts';

/** A human's submitted annotation of one of the given items, with the label the exports use. */
export interface DisputedRow {
  itemId: number;
  label: string;
  answers: string;
}

/** The submitted human annotations of the given items (model judges left out), in item order. */
export async function humanAnswersOf(db: Db, itemIds: readonly number[]): Promise<DisputedRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('annotations as a')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .select(['a.itemId', 'u.email', 'u.name', 'a.answers'])
    .where('a.itemId', 'in', itemIds)
    .where('a.status', '=', 'submitted')
    .where('u.modelConnectionId', 'is', null)
    .orderBy('a.itemId')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ itemId: r.itemId, label: r.email ?? r.name, answers: r.answers }));
}

/** The data of the given items (a pairwise question orders its candidates by it). */
export async function dataOf(db: Db, itemIds: readonly number[]): Promise<Map<number, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('items').select(['id', 'data']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((r) => [r.id, r.data]));
}

/** Writes each item's score (null: fewer than two human annotations, or nothing measurable). */
export async function writeDisagreement(tx: Tx, scores: ReadonlyMap<number, number | null>): Promise<void> {
  for (const [id, disagreement] of scores)
    await tx.updateTable('items').set({ disagreement }).where('id', '=', id).execute();
}
