import type { z } from 'zod';
import type { MyWorkQuery, Work } from '../../core/api/assignments.ts';
import { projectAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { loadWork } from './assignments.service.ts';

/** "My work": the caller's assignments on a project, newest first, to reopen and edit. */
export async function myWork(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  q: z.output<typeof MyWorkQuery>,
): Promise<{ items: z.input<typeof Work>[]; nextCursor: string | null }> {
  await projectAccess(ctx.store.db, caller, projectId);
  const before = decodeCursor(q.cursor);
  let query = ctx.store.db
    .selectFrom('assignments')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('userId', '=', caller.id)
    .orderBy('id', 'desc')
    .limit(q.limit + 1);
  if (before > 0) query = query.where('id', '<', before);
  if (q.status) query = query.where('status', '=', q.status);
  const page = pageOf(await query.execute(), q.limit, (r) => r.id);
  const items: z.input<typeof Work>[] = [];
  for (const a of page.items) items.push(await loadWork(ctx.store.db, a));
  return { items, nextCursor: page.nextCursor };
}
