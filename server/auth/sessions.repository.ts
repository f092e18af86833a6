import type { Db, Tx } from '../db/transaction.ts';

/** What a request's session cookie stands for: the session and its user, as authentication reads them. */
export const findSessionWithUser = (db: Db, idHash: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.userId')
    .select([
      's.csrfToken',
      's.expiresAt',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
      'u.contractStart',
      'u.contractEnd',
      'u.modelConnectionId',
    ])
    .where('s.idHash', '=', idHash)
    .executeTakeFirst();

export async function insertSession(
  db: Db,
  s: { idHash: string; userId: number; csrfToken: string; createdAt: number; expiresAt: number },
): Promise<void> {
  await db.insertInto('sessions').values(s).execute();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('idHash', '=', idHash).execute();
}

/** Ends every session of the user but `keep` (the caller's own, when they have one). */
export async function deleteSessionsOf(db: Db, userId: number, keep?: string): Promise<void> {
  let query = db.deleteFrom('sessions').where('userId', '=', userId);
  if (keep !== undefined) query = query.where('idHash', '!=', keep);
  await query.execute();
}

export async function setCsrfToken(db: Db, idHash: string, csrfToken: string): Promise<void> {
  await db.updateTable('sessions').set({ csrfToken }).where('idHash', '=', idHash).execute();
}

/**
 * Expires (keeps) every session of the users: a request with one is then told the account is
 * suspended rather than that the session ended.
 */
export async function expireSessionsOf(tx: Tx, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await tx.updateTable('sessions').set({ expiresAt: 0 }).where('userId', 'in', userIds).execute();
}
