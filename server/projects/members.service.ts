import type { z } from 'zod';
import type { AddMemberBody, Member } from '../../core/api/projects.ts';
import { projectAccess, requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';

type MemberOut = z.input<typeof Member>;

async function listRows(ctx: AppContext, projectId: number, userId?: number): Promise<MemberOut[]> {
  let q = ctx.store.db
    .selectFrom('projectMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.projectId', 'm.userId', 'u.email', 'u.name', 'm.role', 'm.addedAt'])
    .where('m.projectId', '=', projectId)
    .orderBy('m.userId');
  if (userId !== undefined) q = q.where('m.userId', '=', userId);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, addedAt: iso(r.addedAt) }));
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
  await ctx.store.db
    .insertInto('projectMembers')
    .values({ projectId, userId: user.id, role: body.role, addedAt: Date.now() })
    .onConflict((oc) => oc.columns(['projectId', 'userId']).doUpdateSet({ role: body.role }))
    .execute();
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
    let q = db.selectFrom('users').select('id').where('external', '=', 0);
    q = body.userId !== undefined ? q.where('id', '=', body.userId) : q.where('email', '=', body.email ?? '');
    return q.executeTakeFirst();
  }
  if (body.userId === undefined) {
    throw forbidden(
      'Only admins and managers add people by email; invite the address instead (it joins when that account signs in).',
    );
  }
  return db
    .selectFrom('projectMembers as theirs')
    .innerJoin('projectMembers as mine', 'mine.projectId', 'theirs.projectId')
    .innerJoin('users as u', 'u.id', 'theirs.userId')
    .select('theirs.userId as id')
    .where('theirs.userId', '=', body.userId)
    .where('u.external', '=', 0)
    .where('mine.userId', '=', caller.id)
    .where('mine.role', 'in', ['manager', 'admin'])
    .limit(1)
    .executeTakeFirst();
}

export async function removeMember(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  userId: number,
): Promise<null> {
  await requireManage(ctx.store.db, caller, projectId);
  const result = await ctx.store.db
    .deleteFrom('projectMembers')
    .where('projectId', '=', projectId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound('member');
  return null;
}
