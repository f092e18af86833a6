import type { z } from 'zod';
import type { CreateProjectBody, Project, UpdateProjectBody } from '../../core/api/projects.ts';
import { INTERFACE_VERSION } from '../../core/interface/index.ts';
import { projectAccess, requireManage, requireRole } from '../access.ts';
import { invalidateCursors } from '../assignments/claim-cursors.repository.ts';
import { refreshSlots } from '../assignments/slots.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { drawRandomKeys, findProject, toProject } from './projects.repository.ts';

type ProjectOut = z.input<typeof Project>;

export async function createProject(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof CreateProjectBody>,
): Promise<ProjectOut> {
  requireRole(caller, 'admin', 'manager');
  const now = Date.now();
  const row = await ctx.store.db
    .insertInto('projects')
    .values({
      name: body.name,
      interface: JSON.stringify({ ...body.interface, version: INTERFACE_VERSION }),
      guidelines: body.guidelines,
      overlap: body.overlap,
      lockTtlSeconds: body.lockTtlSeconds,
      itemOrder: body.itemOrder,
      allowEditSubmitted: body.allowEditSubmitted ? 1 : 0,
      createdBy: caller.id,
      createdAt: now,
      updatedAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toProject(ctx.store.db, row);
}

export async function getProject(ctx: AppContext, caller: Caller, projectId: number): Promise<ProjectOut> {
  await projectAccess(ctx.store.db, caller, projectId);
  const row = await findProject(ctx.store.db, projectId);
  if (!row) throw notFound('project');
  return toProject(ctx.store.db, row);
}

export async function updateProject(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: z.output<typeof UpdateProjectBody>,
): Promise<ProjectOut> {
  await requireManage(ctx.store.db, caller, projectId);
  const { allowEditSubmitted, ...rest } = body;
  await writeTransaction(ctx.store, async (tx) => {
    const before = await findProject(tx, projectId);
    if (!before) throw notFound('project');
    await tx
      .updateTable('projects')
      .set({
        ...rest,
        ...(allowEditSubmitted === undefined ? {} : { allowEditSubmitted: allowEditSubmitted ? 1 : 0 }),
        updatedAt: Date.now(),
      })
      .where('id', '=', projectId)
      .execute();
    if (rest.overlap !== undefined && rest.overlap !== before.overlap)
      await refreshSlots(tx, projectId, rest.overlap);
    if (rest.itemOrder === 'random' && before.itemOrder !== 'random')
      await drawRandomKeys(tx, ctx.store.kind, projectId);
    // Claim cursors are positions in the old order.
    if (rest.itemOrder !== undefined && rest.itemOrder !== before.itemOrder)
      await invalidateCursors(tx, projectId);
  });
  return getProject(ctx, caller, projectId);
}

export async function listProjects(
  ctx: AppContext,
  caller: Caller,
  q: { cursor?: string | undefined; limit: number },
): Promise<{ items: ProjectOut[]; nextCursor: string | null }> {
  let query = ctx.store.db
    .selectFrom('projects')
    .selectAll('projects')
    .where('projects.id', '>', decodeCursor(q.cursor))
    .orderBy('projects.id')
    .limit(q.limit + 1);
  if (caller.role !== 'admin' && caller.role !== 'manager') {
    query = query
      .innerJoin('projectMembers as m', 'm.projectId', 'projects.id')
      .where('m.userId', '=', caller.id);
  }
  const page = pageOf(await query.execute(), q.limit, (r) => r.id);
  const items: ProjectOut[] = [];
  for (const row of page.items) items.push(await toProject(ctx.store.db, row));
  return { items, nextCursor: page.nextCursor };
}
