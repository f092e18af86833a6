import { type Selectable, sql } from 'kysely';
import type { AssignmentsTable } from '../db/schema.ts';
import type { Tx } from '../db/transaction.ts';

type AssignmentRow = Selectable<AssignmentsTable>;

/**
 * Claim cursors: where an annotator's search for their next item may start.
 *
 * `next` hands out the first item, in the project's order, that has a free slot and that the
 * caller has not touched. Items the caller touched keep their other slots open (overlap > 1), so
 * without a cursor every claim passes over all of them again: for an annotator working alone,
 * one index probe per item they ever did. The cursor records a position in the project's order
 * such that every open item at or before it is one the caller touched; the next search starts
 * just past it.
 *
 * It stays true as items fill up. It can break only when an item at or before it opens (a lock
 * expires, someone skips, the overlap grows), when the caller's own claim there expires, or
 * when new items land before it (an import, a switch of order). Each of those advances the
 * project's epoch (`invalidateCursors`), and a cursor of an older epoch is ignored, so the next
 * search starts from the beginning and sets a fresh one. On PostgreSQL a search skips rows that
 * concurrent claims hold (SKIP LOCKED); a cursor set past such a row can pass an item the caller
 * could still take, so a search that finds nothing past the cursor always searches again from the
 * beginning: the order may bend under concurrency, as SKIP LOCKED already makes it, but nothing
 * is ever reported done while an item is left.
 *
 * Positions: (−priority, id) in sequential order, (rand, id) in random order; both ascending.
 */
export interface Position {
  sortKey: number;
  itemId: number;
}

export const positionOf = (
  item: { id: number; priority: number; rand: number },
  order: 'sequential' | 'random',
): Position => ({ sortKey: order === 'random' ? item.rand : -item.priority, itemId: item.id });

/**
 * The caller's live lock in the project if they hold one, else the project's epoch and the
 * caller's cursor if it is of that epoch: one statement, since on PostgreSQL each is a round trip.
 */
export async function readHeldOrCursor(
  tx: Tx,
  projectId: number,
  userId: number,
): Promise<{ held: AssignmentRow | undefined; epoch: number; after: Position | undefined }> {
  // Integers arrive as numbers from both stores (PostgreSQL's int8 parser is set in connect.ts).
  const { rows } = await sql<
    { epoch: number; cursorEpoch: number | null; cursorKey: number; cursorItem: number } & {
      [K in keyof AssignmentRow]: AssignmentRow[K] | null;
    }
  >`select e.epoch, c.epoch as cursor_epoch, c.sort_key as cursor_key, c.item_id as cursor_item, h.*
    from (select coalesce(max(epoch), 0) as epoch from claim_epochs where project_id = ${projectId}) e
    left join claim_cursors c on c.project_id = ${projectId} and c.user_id = ${userId}
    left join assignments h on h.id = (
      select id from assignments where project_id = ${projectId} and user_id = ${userId} and status = 'locked'
      order by id limit 1)`.execute(tx);
  const { epoch, cursorEpoch, cursorKey, cursorItem, ...h } = rows[0]!;
  return {
    held: h.id === null ? undefined : (h as AssignmentRow),
    epoch,
    after: cursorEpoch === epoch ? { sortKey: cursorKey, itemId: cursorItem } : undefined,
  };
}

/** Records that every open item up to `at` is one the caller touched, as of `epoch`. */
export async function saveCursor(
  tx: Tx,
  { projectId, userId, epoch, at }: { projectId: number; userId: number; epoch: number; at: Position },
): Promise<void> {
  await tx
    .insertInto('claimCursors')
    .values({ projectId, userId, epoch, sortKey: at.sortKey, itemId: at.itemId })
    .onConflict((oc) =>
      oc.columns(['projectId', 'userId']).doUpdateSet({ epoch, sortKey: at.sortKey, itemId: at.itemId }),
    )
    .execute();
}

/**
 * An item may have opened before some cursor, or items were added: every cursor of the project
 * is void from now. On PostgreSQL this locks the project's epoch row until the transaction ends,
 * so callers keep the time between this and their commit short.
 */
export async function invalidateCursors(tx: Tx, projectId: number): Promise<void> {
  await tx
    .insertInto('claimEpochs')
    .values({ projectId, epoch: 1 })
    .onConflict((oc) => oc.column('projectId').doUpdateSet({ epoch: sql`claim_epochs.epoch + 1` }))
    .execute();
}

/**
 * The user's skills change (docs/skills.md): every cursor of theirs is void, since it may have
 * passed items they could not take until now. The user's row is written first: on PostgreSQL a
 * claim reads the skills under a share lock of that row (heldSkillsForClaim), so a claim either
 * finishes before this change or reads the new skills; it never saves a cursor from the old ones
 * after this. Runs inside the transaction that changes the skills.
 */
export async function voidCursorsOfUser(tx: Tx, userId: number): Promise<void> {
  await tx
    .updateTable('users')
    .set((eb) => ({ status: eb.ref('status') }))
    .where('id', '=', userId)
    .execute();
  await tx.deleteFrom('claimCursors').where('userId', '=', userId).execute();
}
