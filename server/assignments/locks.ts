import type { Store } from '../db/connect.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { type AssignmentRow, expireLocks } from './assignments.repository.ts';

/** The lock lifecycle of an assignment: claimed, renewed, revived, submitted. */

/** Whether an assignment is a lock that has not run out yet. */
export const isLive = (a: AssignmentRow, now: number): boolean =>
  a.status === 'locked' && a.lockExpiresAt !== null && a.lockExpiresAt > now;

/**
 * Takes one slot of an item and writes the caller's lock, or revives their expired one (same
 * row, so a draft written before it expired stays attached); undefined if no slot is free.
 */
export async function claim(
  tx: Tx,
  projectId: number,
  itemId: number,
  userId: number,
  expiresAt: number,
  now: number,
) {
  const took = await tx
    .updateTable('items')
    .set((eb) => ({ slotsLeft: eb('slotsLeft', '-', 1) }))
    .where('id', '=', itemId)
    .where('slotsLeft', '>', 0)
    .executeTakeFirst();
  if (took.numUpdatedRows === 0n) return undefined;
  return tx
    .insertInto('assignments')
    .values({
      projectId,
      itemId,
      userId,
      status: 'locked',
      lockExpiresAt: expiresAt,
      skipReason: null,
      createdAt: now,
      updatedAt: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['itemId', 'userId'])
        .doUpdateSet({ status: 'locked', lockExpiresAt: expiresAt, updatedAt: now })
        .where('assignments.status', '=', 'expired'),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Renews the caller's lock. A lock still running is renewed at once (the status condition
 * guards against anyone expiring it meanwhile); otherwise overdue locks are brought up to date
 * and an expired one tries to take its slot back.
 */
export async function refreshLock(
  store: Store,
  tx: Tx,
  project: ProjectRow,
  a: AssignmentRow,
  now: number,
  opts: { swept?: boolean } = {},
) {
  const lockExpiresAt = now + project.lockTtlSeconds * 1000;
  if (!opts.swept) await expireLocks(store, tx, project.id, project.overlap, now);
  if (isLive(a, now) && (await renewLock(tx, a.id, lockExpiresAt, now)))
    return { ...a, lockExpiresAt, updatedAt: now };
  // Lock the row: another caller's expireLocks may have just expired it and handed its slot on.
  let read = tx.selectFrom('assignments').selectAll().where('id', '=', a.id);
  if (store.kind === 'postgres') read = read.forUpdate();
  let current = (await read.executeTakeFirst())!;
  if (current.status === 'expired') {
    current = (await claim(tx, project.id, a.itemId, a.userId, lockExpiresAt, now)) ?? current;
  } else if (current.status === 'locked' && (await renewLock(tx, a.id, lockExpiresAt, now))) {
    current = { ...current, lockExpiresAt, updatedAt: now };
  }
  return current;
}

/** Extends a lock; false if the assignment is no longer locked (someone expired it meanwhile). */
async function renewLock(tx: Tx, assignmentId: number, lockExpiresAt: number, now: number): Promise<boolean> {
  const renewed = await tx
    .updateTable('assignments')
    .set({ lockExpiresAt, updatedAt: now })
    .where('id', '=', assignmentId)
    .where('status', '=', 'locked')
    .executeTakeFirst();
  return renewed.numUpdatedRows > 0n;
}

/** Marks a live lock submitted; false if the assignment is no longer locked. */
export async function submitLocked(tx: Tx, assignmentId: number, now: number): Promise<boolean> {
  const done = await tx
    .updateTable('assignments')
    .set({ status: 'submitted', lockExpiresAt: null, updatedAt: now })
    .where('id', '=', assignmentId)
    .where('status', '=', 'locked')
    .executeTakeFirst();
  return done.numUpdatedRows > 0n;
}
