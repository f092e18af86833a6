import type { Db } from '../db/transaction.ts';

/** What a live reply needs of an assignment: its state and its item's data (JSON text). */
export async function findLiveWork(db: Db, assignmentId: number) {
  return db
    .selectFrom('assignments as a')
    .innerJoin('items as i', 'i.id', 'a.itemId')
    .select(['a.status', 'a.lockExpiresAt', 'i.data as itemData'])
    .where('a.id', '=', assignmentId)
    .executeTakeFirst();
}

/** A model connection as a project's settings show it (never its key), or undefined. */
export async function findConnectionName(db: Db, connectionId: number) {
  return db
    .selectFrom('modelConnections')
    .select(['id', 'name', 'model'])
    .where('id', '=', connectionId)
    .executeTakeFirst();
}

/** Every model connection's id, name and model (never its address or key), by name. */
export async function listConnectionNames(db: Db) {
  return db.selectFrom('modelConnections').select(['id', 'name', 'model']).orderBy('name').execute();
}

export async function updateLiveConnection(
  db: Db,
  projectId: number,
  connectionId: number | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('projects')
    .set({ liveConnectionId: connectionId, updatedAt: now })
    .where('id', '=', projectId)
    .execute();
}
