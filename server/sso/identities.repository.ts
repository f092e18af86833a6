import type { Db } from '../db/transaction.ts';

/** The account linked to this identity at the provider, if any. */
export async function findIdentityUser(
  db: Db,
  identity: { issuer: string; subject: string },
): Promise<number | undefined> {
  const row = await db
    .selectFrom('ssoIdentities')
    .select('userId')
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .executeTakeFirst();
  return row?.userId;
}

/** Whether the user is linked to some identity at this issuer already. */
export async function hasIdentityAt(db: Db, userId: number, issuer: string): Promise<boolean> {
  const row = await db
    .selectFrom('ssoIdentities')
    .select('id')
    .where('userId', '=', userId)
    .where('issuer', '=', issuer)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertIdentity(
  db: Db,
  identity: { issuer: string; subject: string; userId: number; createdAt: number },
): Promise<void> {
  await db.insertInto('ssoIdentities').values(identity).execute();
}
