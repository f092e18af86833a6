import type { z } from 'zod';
import {
  type CreatedInvite,
  type CreateInviteBody,
  type Invite,
  managerInviteRoles,
} from '../../core/api/invites.ts';
import { requireManage } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { unknownSkills } from '../skills/user-skills.repository.ts';
import { findUserByEmail } from '../users/users.repository.ts';
import { issueInvite, statusOf, toInvites } from './invite-links.ts';
import { findInvite, listInviteRows, managesAnyProject, revokeInviteRow } from './invites.repository.ts';

type InviteOut = z.input<typeof Invite>;
/** The newest invites a list shows. */
export const INVITE_LIST_LIMIT = 500;

/** Admins and managers see and withdraw every invite; anyone else only those they made. */
const seesAll = (caller: Caller) => caller.role === 'admin' || caller.role === 'manager';

/**
 * Makes an invite link (docs/onboarding.md, "Who may invite"). Admins give any role and any
 * project. Everyone else gives the annotator or reviewer role only, and memberships only of
 * projects they manage (a manager manages every project; a project manager their own), and
 * someone who is neither admin nor manager must name at least one such project. The email's
 * account is looked up for admins and managers only (who see every account anyway): a project
 * manager learns nothing about which addresses have accounts.
 */
export async function createInvite(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof CreateInviteBody>,
  origin: string,
): Promise<z.input<typeof CreatedInvite>> {
  const db = ctx.store.db;
  if (caller.role !== 'admin' && !(managerInviteRoles as readonly string[]).includes(body.role))
    throw forbidden(`Only admins invite with the ${body.role} role; managers give annotator or reviewer.`);
  if (!seesAll(caller) && body.projects.length === 0) {
    if (!(await managesAnyProject(db, caller.id)))
      throw forbidden('Only admins and managers make invite links.');
    throw new AppError('VALIDATION_FAILED', 'body.projects: name at least one project you manage', [
      { path: 'body.projects', message: 'name at least one project you manage' },
    ]);
  }
  for (const p of body.projects) await requireManage(db, caller, p.projectId);
  const skills = Object.keys(body.skills);
  const unknown = await unknownSkills(db, skills);
  if (unknown.length > 0) {
    const details = unknown.map((s) => ({
      path: `body.skills.${s}`,
      message: 'no such skill in the catalogue',
    }));
    throw new AppError('VALIDATION_FAILED', `${details[0]!.path}: ${details[0]!.message}`, details);
  }
  if (body.email !== null && seesAll(caller) && (await findUserByEmail(db, body.email)))
    throw new AppError(
      'CONFLICT',
      `${body.email} has an account already; add it to projects instead of inviting it.`,
    );
  const expiresAt = ctx.clock() + body.expiresInHours * 3600_000;
  const { row, url } = await writeTransaction(ctx.store, (tx) =>
    issueInvite(
      ctx,
      tx,
      caller,
      {
        email: body.email,
        userId: null,
        role: body.role,
        skills: body.skills,
        projects: body.projects,
        contractStart: body.contractStart,
        contractEnd: body.contractEnd,
        expiresAt,
      },
      origin,
    ),
  );
  const [out] = await toInvites(ctx, [row]);
  return { ...out!, url };
}

export async function listInvites(
  ctx: AppContext,
  caller: Caller,
  query: { status?: InviteOut['status'] | undefined },
): Promise<{ items: InviteOut[] }> {
  const all = seesAll(caller);
  if (!all && !(await managesAnyProject(ctx.store.db, caller.id)))
    throw forbidden('Only admins, managers and project managers see invite links.');
  const rows = await listInviteRows(ctx.store.db, {
    ...(all ? {} : { createdBy: caller.id }),
    limit: INVITE_LIST_LIMIT,
  });
  const now = ctx.clock();
  const shown = query.status ? rows.filter((r) => statusOf(r, now) === query.status) : rows;
  return { items: await toInvites(ctx, shown) };
}

/** Withdraws an unused invite and records `invite.revoke`; an invite the caller may not see is not found. */
export async function revokeInvite(ctx: AppContext, caller: Caller, inviteId: number): Promise<InviteOut> {
  const all = seesAll(caller);
  if (!all && !(await managesAnyProject(ctx.store.db, caller.id)))
    throw forbidden('Only admins, managers and project managers withdraw invite links.');
  const found = await findInvite(ctx.store.db, inviteId);
  if (!found || (!all && found.createdBy !== caller.id)) throw notFound('invite');
  const now = ctx.clock();
  await writeTransaction(ctx.store, async (tx) => {
    if (!(await revokeInviteRow(tx, inviteId, caller.id, now)))
      throw new AppError(
        'CONFLICT',
        `This invite was ${statusOf(found, now)} already; only a pending one can be withdrawn.`,
      );
    await appendAudit(
      tx,
      caller,
      {
        action: 'invite.revoke',
        targetType: 'invite',
        targetId: inviteId,
        targetEmail: found.email,
        before: { status: statusOf(found, now) },
        after: { status: 'revoked' },
      },
      now,
    );
  });
  const [out] = await toInvites(ctx, [(await findInvite(ctx.store.db, inviteId))!]);
  return out!;
}
