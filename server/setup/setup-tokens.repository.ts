import type { Selectable } from 'kysely';
import type { SetupTokensTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type SetupTokenRow = Selectable<SetupTokensTable>;

/**
 * Stores a new setup link and replaces the live one, so at most one works at a time. Rows that
 * ended (expired, used or replaced) more than `pruneBefore` are deleted.
 */
export async function replaceSetupToken(
  tx: Tx,
  t: { tokenHash: string; createdAt: number; expiresAt: number; pruneBefore: number },
): Promise<void> {
  await tx.deleteFrom('setupTokens').where('expiresAt', '<', t.pruneBefore).execute();
  await tx
    .updateTable('setupTokens')
    .set({ replacedAt: t.createdAt })
    .where('usedAt', 'is', null)
    .where('replacedAt', 'is', null)
    .execute();
  await tx
    .insertInto('setupTokens')
    .values({ tokenHash: t.tokenHash, createdAt: t.createdAt, expiresAt: t.expiresAt })
    .execute();
}

/**
 * Every stored setup link, live or ended: a handful at most (one per start without an admin in
 * the last week), which the service compares with a presented token in constant time.
 */
export async function listSetupTokens(db: Db): Promise<SetupTokenRow[]> {
  return db.selectFrom('setupTokens').selectAll().execute();
}

/**
 * Uses up a live link: marks it used and answers true, or false when it is no longer live (used
 * meanwhile, replaced, or expired). Of two concurrent uses exactly one gets true.
 */
export async function takeSetupToken(tx: Tx, tokenHash: string, now: number): Promise<boolean> {
  const taken = await tx
    .updateTable('setupTokens')
    .set({ usedAt: now })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .where('replacedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}
