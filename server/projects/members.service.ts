import type { z } from 'zod';
import type { AddMemberBody, Member } from '../../core/api/projects.ts';
import { projectAccess, requireManage } from '../access.ts';
import { auditMembership, membershipOf } from '../audit/audit-acts.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { findUserByEmail, findUserById } from '../users/users.repository.ts';
import { deleteMember, findFellowMember, listMemberRows, upsertMember } from './members.repository.ts';

type MemberOut = z.input<typeof Member>;

async function listRows(ctx: AppContext, projectId: number, userId?: number): Promise<MemberOut[]> {
  const rows = await listMemberRows(ctx.store.db, projectId, userId);
  return rows.map(({ modelConnectionId, ...r }) => ({
    ...r,
    kind: modelConnectionId === null ? ('human' as const) : ('model' as const),
    addedAt: iso(r.addedAt),
  }));
}

export async function listMembers(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<{ items: MemberOut[] }> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  if (!access.viewAll) throw new AppError('FORBIDDEN', 'Only managers and reviewers see the member list.');
  return { items: await listRows(ctx, projectId) };
}

export async function addMember(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof AddMemberBody>,
): Promise<MemberOut> {
  await requireManage(ctx.store.db, caller, projectId);
  const user = await findAddable(ctx, caller, body);
  if (!user) throw notFound('user');
  await writeTransaction(ctx.store, async (tx) => {
    const before = await membershipOf(tx, projectId, user.id);
    await upsertMember(tx, { projectId, userId: user.id, role: body.role, addedAt: Date.now() });
    await auditMembership(tx, caller, { projectId, userId: user.id, before, after: body.role }, ctx.clock());
  });
  const [member] = await listRows(ctx, projectId, user.id);
  return member!;
}

/** Admins and managers may look any account up. */
const looksAccountsUp = (caller: Caller): boolean => caller.role === 'admin' || caller.role === 'manager';

/**
 * The account to add, if the caller may see it: admins and managers look up any account by id
 * or email; a project manager adds by id only people they already see, members of a project
 * they manage. Anyone else is reported exactly as an account that does not exist, and an email
 * is refused whatever it is, so adding never tells a project manager who has an account.
 */
async function findAddable(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof AddMemberBody>,
): Promise<{ id: number } | undefined> {
  const db = ctx.store.db;
  if (looksAccountsUp(caller)) {
    const user =
      body.userId !== undefined
        ? await findUserById(db, body.userId)
        : await findUserByEmail(db, body.email ?? '');
    return user && !user.external && user.modelConnectionId === null ? user : undefined;
  }
  if (body.userId === undefined) {
    throw forbidden(
      'Only admins and managers add people by email; invite the address instead (it joins when that account signs in).',
    );
  }
  return findFellowMember(db, caller.id, body.userId);
}

export async function removeMember(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  userId: number,
): Promise<null> {
  await requireManage(ctx.store.db, caller, projectId);
  await writeTransaction(ctx.store, async (tx) => {
    const before = await membershipOf(tx, projectId, userId);
    if (!(await deleteMember(tx, projectId, userId))) throw notFound('member');
    await auditMembership(tx, caller, { projectId, userId, before, after: null }, ctx.clock());
  });
  return null;
}
