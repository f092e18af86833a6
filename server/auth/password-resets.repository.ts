import type { Db, Tx } from '../db/transaction.ts';

/**
 * Stores a new reset link of the user and voids the rest: the user's earlier links and every
 * expired link of anyone (so the table holds at most one live row per user).
 */
export async function replacePasswordReset(
  tx: Tx,
  r: { userId: number; tokenHash: string; createdBy: number | null; createdAt: number; expiresAt: number },
): Promise<void> {
  await tx.deleteFrom('passwordResets').where('userId', '=', r.userId).execute();
  await tx.deleteFrom('passwordResets').where('expiresAt', '<=', r.createdAt).execute();
  await tx.insertInto('passwordResets').values(r).execute();
}

/** The user of a live (unused, unexpired) link, by its keyed hash. */
export async function findLivePasswordReset(
  db: Db,
  tokenHash: string,
  now: number,
): Promise<{ userId: number } | undefined> {
  return db
    .selectFrom('passwordResets')
    .select('userId')
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
}

/**
 * Uses up a live link: deletes it and returns its user, or undefined when it is no longer live
 * (used meanwhile, replaced, or expired). Of two concurrent uses exactly one gets the user.
 */
export async function takePasswordReset(
  tx: Tx,
  tokenHash: string,
  now: number,
): Promise<{ userId: number } | undefined> {
  return tx
    .deleteFrom('passwordResets')
    .where('tokenHash', '=', tokenHash)
    .where('expiresAt', '>', now)
    .returning('userId')
    .executeTakeFirst();
}

/** Voids every link of the users (at suspension). */
export async function deletePasswordResetsOf(db: Db, userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.deleteFrom('passwordResets').where('userId', 'in', userIds).execute();
}
