import type { z } from 'zod';
import type { Invitation, InviteBody } from '../../core/api/projects.ts';
import { requireManage } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../http/errors.ts';
import {
  deleteInvitation,
  listInvitationRows,
  toInvitation,
  upsertInvitation,
} from './invitations.repository.ts';
import { findMemberByEmail } from './members.repository.ts';

type InvitationOut = z.input<typeof Invitation>;

/**
 * Invitations by email: how a project manager brings in someone they cannot see. The answer is
 * the same whether or not the address has an account, and nothing becomes visible (no member, no
 * name) until that account signs in or is created (acceptInvitations).
 */
export async function listInvitations(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<{ items: InvitationOut[] }> {
  await requireManage(ctx.store.db, caller, projectId);
  return { items: (await listInvitationRows(ctx.store.db, projectId)).map(toInvitation) };
}

export async function createInvitation(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof InviteBody>,
): Promise<InvitationOut> {
  await requireManage(ctx.store.db, caller, projectId);
  // Only a current member is told apart, which the member list already shows the caller.
  const member = await findMemberByEmail(ctx.store.db, projectId, body.email);
  if (member) throw new AppError('CONFLICT', `${body.email} is already a member of this project.`);
  const row = await writeTransaction(ctx.store, async (tx) => {
    const made = await upsertInvitation(tx, {
      projectId,
      email: body.email,
      role: body.role,
      invitedBy: caller.id,
    });
    const entry = { targetType: 'invitation', targetId: made.id, targetEmail: made.email, projectId };
    await appendAudit(
      tx,
      caller,
      { action: 'invitation.create', ...entry, after: { role: made.role } },
      ctx.clock(),
    );
    return made;
  });
  return toInvitation(row);
}

export async function cancelInvitation(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  invitationId: number,
): Promise<null> {
  await requireManage(ctx.store.db, caller, projectId);
  await writeTransaction(ctx.store, async (tx) => {
    const gone = (await listInvitationRows(tx, projectId)).find((i) => i.id === invitationId);
    if (!gone || !(await deleteInvitation(tx, projectId, invitationId))) throw notFound('invitation');
    const entry = { targetType: 'invitation', targetId: invitationId, targetEmail: gone.email, projectId };
    await appendAudit(
      tx,
      caller,
      { action: 'invitation.cancel', ...entry, before: { role: gone.role } },
      ctx.clock(),
    );
  });
  return null;
}
