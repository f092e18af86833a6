import type { Store } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';
import { deleteGoldOfItems } from '../gold/gold.repository.ts';

/**
 * The statements of the bulk actions on items (bulk.service.ts). Each runs inside the action's
 * write transaction; `ids` holds at most MAX_BULK_ITEMS (10,000) ids, within both stores' limits
 * on bound parameters (SQLite 32,766, PostgreSQL 65,535).
 */

/**
 * Locks the project's items among `ids` and returns their ids. On PostgreSQL the lock is FOR
 * UPDATE, which also holds back every insert that refers to the items (a claim's assignment, a
 * first draft's annotation) until this transaction ends; SQLite's write lock already serialises
 * writers. Ids of other projects, or of no item, are simply not returned.
 */
export async function lockItemsOf(store: Store, tx: Tx, projectId: number, ids: number[]): Promise<number[]> {
  const query = tx.selectFrom('items').select('id').where('projectId', '=', projectId).where('id', 'in', ids);
  const rows = await (store.kind === 'postgres' ? query.forUpdate() : query).execute();
  return rows.map((r) => r.id);
}

/** Who has an assignment (in any state) on any of the items: the people whose work an action touches. */
export async function usersWorkingOn(tx: Tx, ids: number[]): Promise<number[]> {
  const rows = await tx
    .selectFrom('assignments')
    .select('userId')
    .distinct()
    .where('itemId', 'in', ids)
    .execute();
  return rows.map((r) => r.userId);
}

export async function setPriorityOf(tx: Tx, ids: number[], priority: number): Promise<void> {
  await tx.updateTable('items').set({ priority }).where('id', 'in', ids).execute();
}

/**
 * Returns the items to the queue: their live locks end and their skips are returned, both as a
 * returned skip does (the assignment becomes `expired`; its draft stays attached and its owner's
 * next claim of the item revives it). Submissions stay. Returns the ids of the items that had
 * something to return; the caller recomputes their slots.
 */
export async function releaseClaimsOf(tx: Tx, ids: number[], now: number): Promise<number[]> {
  const rows = await tx
    .updateTable('assignments')
    .set({ status: 'expired', lockExpiresAt: null, skipReason: null, updatedAt: now })
    .where('itemId', 'in', ids)
    .where('status', 'in', ['locked', 'skipped'])
    .returning('itemId')
    .execute();
  return [...new Set(rows.map((r) => r.itemId))];
}

/**
 * Deletes the items with everything that hangs on them: revisions, annotations, assignments. The
 * one way items are deleted, so every table keyed by item id is cleared here. Returns how many
 * annotations (drafts and submissions) went with them.
 *
 * Claim cursors need no change: a cursor is a position in the project's order, not a reference to
 * its item, and removing items cannot open one before it. Slots of other items are untouched.
 */
export async function deleteItemsWithWork(tx: Tx, ids: number[]): Promise<{ annotations: number }> {
  await tx
    .deleteFrom('annotationRevisions')
    .where('annotationId', 'in', (eb) => eb.selectFrom('annotations').select('id').where('itemId', 'in', ids))
    .execute();
  const annotations = await tx.deleteFrom('annotations').where('itemId', 'in', ids).executeTakeFirst();
  await tx.deleteFrom('assignments').where('itemId', 'in', ids).execute();
  await deleteGoldOfItems(tx, ids);
  // search index: the full-text index of items must lose these items too. PostgreSQL's index is
  // on the items rows and goes with them; SQLite's FTS5 table (keyed by item id) needs a delete of
  // its rows here, unless a trigger on items deletes them (the `search` branch's migration has one).
  // Every deletion of items passes here, so this is the one place to check at merge.
  await tx.deleteFrom('items').where('id', 'in', ids).execute();
  return { annotations: Number(annotations.numDeletedRows) };
}
