import type { Insertable, Selectable } from 'kysely';
import type { InviteLinksTable } from '../db/schema-onboarding.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type InviteRow = Selectable<InviteLinksTable>;
export type NewInvite = Omit<Insertable<InviteLinksTable>, 'id'>;

export async function insertInvite(tx: Tx, invite: NewInvite): Promise<InviteRow> {
  return tx.insertInto('inviteLinks').values(invite).returningAll().executeTakeFirstOrThrow();
}

export async function findInviteByHash(db: Db, tokenHash: string): Promise<InviteRow | undefined> {
  return db.selectFrom('inviteLinks').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
}

export async function findInvite(db: Db, id: number): Promise<InviteRow | undefined> {
  return db.selectFrom('inviteLinks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Invites newest first: every one, or those `createdBy` made. At most `limit`. */
export async function listInviteRows(
  db: Db,
  filter: { createdBy?: number; limit: number },
): Promise<InviteRow[]> {
  let query = db.selectFrom('inviteLinks').selectAll();
  if (filter.createdBy !== undefined) query = query.where('createdBy', '=', filter.createdBy);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/**
 * Uses the invite up, if it is still usable at `now` (unused, not withdrawn, not expired): one
 * conditional update, so of two accepts at once exactly one changes the row (PostgreSQL's row
 * lock makes the second re-check the condition after the first commits; SQLite has one writer).
 * False when it was not usable.
 */
export async function takeInvite(tx: Tx, id: number, now: number): Promise<boolean> {
  const result = await tx
    .updateTable('inviteLinks')
    .set({ usedAt: now })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .where('expiresAt', '>', now)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records who used the invite (after their account exists, in the same transaction). */
export async function setInviteUsedBy(tx: Tx, id: number, userId: number): Promise<void> {
  await tx.updateTable('inviteLinks').set({ usedBy: userId }).where('id', '=', id).execute();
}

/** Withdraws an unused invite; false when it was used or withdrawn meanwhile. */
export async function revokeInviteRow(tx: Tx, id: number, by: number, now: number): Promise<boolean> {
  const result = await tx
    .updateTable('inviteLinks')
    .set({ revokedAt: now, revokedBy: by })
    .where('id', '=', id)
    .where('usedAt', 'is', null)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Names of users and projects, by id, for showing invites. */
export async function namesFor(
  db: Db,
  userIds: readonly number[],
  projectIds: readonly number[],
): Promise<{ users: Map<number, string>; projects: Map<number, string> }> {
  const users = userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(userIds)])
        .execute()
    : [];
  const projects = projectIds.length
    ? await db
        .selectFrom('projects')
        .select(['id', 'name'])
        .where('id', 'in', [...new Set(projectIds)])
        .execute()
    : [];
  return {
    users: new Map(users.map((u) => [u.id, u.name])),
    projects: new Map(projects.map((p) => [p.id, p.name])),
  };
}

/** Whether the user manages any project (a membership with the manager or admin role). */
export async function managesAnyProject(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('projectMembers')
    .select('projectId')
    .where('userId', '=', userId)
    .where('role', 'in', ['manager', 'admin'])
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
