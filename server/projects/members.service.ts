import type { z } from 'zod';
import type { AddMemberBody, Member } from '../../core/api/projects.ts';
import { projectAccess, requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';

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
  let q = ctx.store.db.selectFrom('users').select(['id', 'external']);
  q = body.userId !== undefined ? q.where('id', '=', body.userId) : q.where('email', '=', body.email ?? '');
  const user = await q.executeTakeFirst();
  if (!user || user.external === 1) throw notFound('user');
  await ctx.store.db
    .insertInto('projectMembers')
    .values({ projectId, userId: user.id, role: body.role, addedAt: Date.now() })
    .onConflict((oc) => oc.columns(['projectId', 'userId']).doUpdateSet({ role: body.role }))
    .execute();
  const [member] = await listRows(ctx, projectId, user.id);
  return member!;
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
