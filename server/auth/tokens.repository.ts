import type { Selectable } from 'kysely';
import type { ApiTokensTable } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

export type ApiTokenRow = Selectable<ApiTokensTable>;

/** A live (unrevoked) token by its keyed hash, with its user, as authentication reads them. */
export const findTokenWithUser = (db: Db, tokenHash: string) =>
  db
    .selectFrom('apiTokens as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select([
      't.id as tokenId',
      't.lastUsedAt',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.status',
      'u.contractStart',
      'u.contractEnd',
      'u.modelConnectionId',
    ])
    .where('t.tokenHash', '=', tokenHash)
    .where('t.revokedAt', 'is', null)
    .executeTakeFirst();

export async function markTokenUsed(db: Db, tokenId: number, at: number): Promise<void> {
  await db.updateTable('apiTokens').set({ lastUsedAt: at }).where('id', '=', tokenId).execute();
}

export const insertToken = (
  db: Db,
  t: { userId: number; name: string; tokenHash: string; createdAt: number },
) =>
  db
    .insertInto('apiTokens')
    .values({ ...t, lastUsedAt: null, revokedAt: null })
    .returningAll()
    .executeTakeFirstOrThrow();

export const listLiveTokensOf = (db: Db, userId: number): Promise<ApiTokenRow[]> =>
  db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute();

/** Revokes one live token of the user; false when there is none by that id. */
export async function revokeTokenOf(
  db: Db,
  { userId, tokenId, at }: { userId: number; tokenId: number; at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('id', '=', tokenId)
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function revokeAllTokensOf(db: Db, userId: number, at: number): Promise<void> {
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('userId', '=', userId)
    .where('revokedAt', 'is', null)
    .execute();
}

/** Revokes every live token of these users (offboarding, docs/users.md). */
export async function revokeTokensOfUsers(db: Db, userIds: readonly number[], at: number): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .updateTable('apiTokens')
    .set({ revokedAt: at })
    .where('userId', 'in', userIds)
    .where('revokedAt', 'is', null)
    .execute();
}
