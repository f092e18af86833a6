import type { Selectable } from 'kysely';
import type { z } from 'zod';
import type { Invitation } from '../../core/api/projects.ts';
import { iso } from '../context.ts';
import type { ProjectInvitationsTable } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

export type InvitationRow = Selectable<ProjectInvitationsTable>;

export const toInvitation = (r: InvitationRow): z.input<typeof Invitation> => ({
  id: r.id,
  projectId: r.projectId,
  email: r.email,
  role: r.role,
  createdAt: iso(r.createdAt),
});

export const listInvitationRows = (db: Db, projectId: number): Promise<InvitationRow[]> =>
  db.selectFrom('projectInvitations').selectAll().where('projectId', '=', projectId).orderBy('id').execute();

/** Records an invitation, or changes the role of the one already pending for that email. */
export async function upsertInvitation(
  db: Db,
  i: { projectId: number; email: string; role: InvitationRow['role']; invitedBy: number },
): Promise<InvitationRow> {
  return db
    .insertInto('projectInvitations')
    .values({ ...i, createdAt: Date.now() })
    .onConflict((oc) =>
      oc.columns(['projectId', 'email']).doUpdateSet({ role: i.role, invitedBy: i.invitedBy }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Deletes a pending invitation of the project; false if there was none. */
export async function deleteInvitation(db: Db, projectId: number, invitationId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('projectInvitations')
    .where('projectId', '=', projectId)
    .where('id', '=', invitationId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/**
 * Turns every pending invitation for the user's email into a membership, when that account signs
 * in or is created. A membership the user already has keeps its role.
 */
export async function acceptInvitations(db: Db, user: { id: number; email: string | null }): Promise<void> {
  if (user.email === null) return;
  const pending = await db
    .selectFrom('projectInvitations')
    .select(['id', 'projectId', 'role'])
    .where('email', '=', user.email)
    .execute();
  if (pending.length === 0) return;
  const now = Date.now();
  await db
    .insertInto('projectMembers')
    .values(pending.map((p) => ({ projectId: p.projectId, userId: user.id, role: p.role, addedAt: now })))
    .onConflict((oc) => oc.columns(['projectId', 'userId']).doNothing())
    .execute();
  await db
    .deleteFrom('projectInvitations')
    .where(
      'id',
      'in',
      pending.map((p) => p.id),
    )
    .execute();
}
