import { type OnConflictBuilder, type QueryCreator, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import { type AssignmentRow, expireLocks } from './assignments.repository.ts';
import { type Position, saveCursor } from './claim-cursors.repository.ts';

/** The lock lifecycle of an assignment: claimed, renewed, revived, submitted. */

/** Whether an assignment is a lock that has not run out yet. */
export const isLive = (a: AssignmentRow, now: number): boolean =>
  a.status === 'locked' && a.lockExpiresAt !== null && a.lockExpiresAt > now;

/** What a claim takes: whose lock on which item, until when, and where the caller's cursor moves. */
export interface Claim {
  projectId: number;
  itemId: number;
  userId: number;
  expiresAt: number;
  now: number;
  /** Written with the lock (only if the slot was taken); see claim-cursors.repository.ts. */
  cursor?: { epoch: number; at: Position } | undefined;
}

/**
 * Takes one slot of an item and writes the caller's lock, or revives their expired one (same
 * row, so a draft written before it expired stays attached); undefined if no slot is free.
 */
export async function claim(store: Store, tx: Tx, c: Claim) {
  const { projectId, itemId, userId, expiresAt, now, cursor } = c;
  const lock = {
    projectId,
    itemId,
    userId,
    status: 'locked' as const,
    lockExpiresAt: expiresAt,
    skipReason: null,
    createdAt: now,
    updatedAt: now,
  };
  const reviveExpired = (oc: OnConflictBuilder<Database, 'assignments'>) =>
    oc
      .columns(['itemId', 'userId'])
      .doUpdateSet({ status: 'locked', lockExpiresAt: expiresAt, updatedAt: now })
      .where('assignments.status', '=', 'expired');
  const takeSlot = (db: QueryCreator<Database>) =>
    db
      .updateTable('items')
      .set((eb) => ({ slotsLeft: eb('slotsLeft', '-', 1) }))
      .where('id', '=', itemId)
      .where('slotsLeft', '>', 0);
  if (store.kind === 'postgres') {
    // One statement, one round trip: the lock, and the cursor if given, written only if the slot
    // was taken.
    return tx
      .with('took', (db) => takeSlot(db).returning('id'))
      .with('moved', (db) =>
        db
          .insertInto('claimCursors')
          .columns(['projectId', 'userId', 'epoch', 'sortKey', 'itemId'])
          .expression((eb) =>
            eb
              .selectFrom('took')
              .select([
                sql<number>`${projectId}::bigint`.as('projectId'),
                sql<number>`${userId}::bigint`.as('userId'),
                sql<number>`${cursor?.epoch ?? 0}::bigint`.as('epoch'),
                sql<number>`${cursor?.at.sortKey ?? 0}::bigint`.as('sortKey'),
                'took.id',
              ])
              .where(sql<boolean>`${cursor !== undefined}::boolean`),
          )
          .onConflict((oc) =>
            oc.columns(['projectId', 'userId']).doUpdateSet((eb) => ({
              epoch: eb.ref('excluded.epoch'),
              sortKey: eb.ref('excluded.sortKey'),
              itemId: eb.ref('excluded.itemId'),
            })),
          ),
      )
      .insertInto('assignments')
      .columns([
        'projectId',
        'itemId',
        'userId',
        'status',
        'lockExpiresAt',
        'skipReason',
        'createdAt',
        'updatedAt',
      ])
      .expression((eb) =>
        eb
          .selectFrom('took')
          .select([
            sql<number>`${lock.projectId}::bigint`.as('projectId'),
            'took.id',
            sql<number>`${lock.userId}::bigint`.as('userId'),
            sql<'locked'>`'locked'`.as('status'),
            sql<number>`${lock.lockExpiresAt}::bigint`.as('lockExpiresAt'),
            sql<null>`null::text`.as('skipReason'),
            sql<number>`${lock.createdAt}::bigint`.as('createdAt'),
            sql<number>`${lock.updatedAt}::bigint`.as('updatedAt'),
          ]),
      )
      .onConflict(reviveExpired)
      .returningAll()
      .executeTakeFirst();
  }
  const took = await takeSlot(tx).executeTakeFirst();
  if (took.numUpdatedRows === 0n) return undefined;
  if (cursor) await saveCursor(tx, { projectId, userId, epoch: cursor.epoch, at: cursor.at });
  return tx
    .insertInto('assignments')
    .values(lock)
    .onConflict(reviveExpired)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Renews the caller's lock. A lock still running is renewed at once (the status condition
 * guards against anyone expiring it meanwhile); otherwise overdue locks are swept first, this
 * one included, and an expired one tries to take its slot back.
 */
export async function refreshLock(store: Store, tx: Tx, project: ProjectRow, a: AssignmentRow, now: number) {
  const lockExpiresAt = now + project.lockTtlSeconds * 1000;
  if (isLive(a, now) && (await renewLock(tx, { assignmentId: a.id, lockExpiresAt, now })))
    return { ...a, lockExpiresAt, updatedAt: now };
  await expireLocks(store, tx, { projectId: project.id, overlap: project.overlap, now });
  // Lock the row: another caller's expireLocks may have just expired it and handed its slot on.
  let read = tx.selectFrom('assignments').selectAll().where('id', '=', a.id);
  if (store.kind === 'postgres') read = read.forUpdate();
  let current = (await read.executeTakeFirst())!;
  if (current.status === 'expired') {
    const revived = await claim(store, tx, {
      projectId: project.id,
      itemId: a.itemId,
      userId: a.userId,
      expiresAt: lockExpiresAt,
      now,
    });
    current = revived ?? current;
  } else if (
    current.status === 'locked' &&
    (await renewLock(tx, { assignmentId: a.id, lockExpiresAt, now }))
  ) {
    current = { ...current, lockExpiresAt, updatedAt: now };
  }
  return current;
}

/** The lock to move and where to: held until `lockExpiresAt`, changed at `now`. */
interface LockExtension {
  assignmentId: number;
  lockExpiresAt: number;
  now: number;
}

/** Extends a lock; false if the assignment is no longer locked (someone expired it meanwhile). */
async function renewLock(tx: Tx, { assignmentId, lockExpiresAt, now }: LockExtension): Promise<boolean> {
  const renewed = await tx
    .updateTable('assignments')
    .set({ lockExpiresAt, updatedAt: now })
    .where('id', '=', assignmentId)
    .where('status', '=', 'locked')
    .executeTakeFirst();
  return renewed.numUpdatedRows > 0n;
}

/** Extends the caller's held lock (read in this transaction) to `lockExpiresAt`. */
export async function extendLock(tx: Tx, { assignmentId, lockExpiresAt, now }: LockExtension): Promise<void> {
  await tx
    .updateTable('assignments')
    .set({ lockExpiresAt, updatedAt: now })
    .where('id', '=', assignmentId)
    .execute();
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
