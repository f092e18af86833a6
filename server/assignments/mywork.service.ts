import type { z } from 'zod';
import type { MyWorkQuery, Work } from '../../core/api/assignments.ts';
import { projectWithAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { suggestionView } from '../predictions/suggestions.ts';
import { listOwnAssignments } from './assignments.repository.ts';
import { interfaceOf, loadWork } from './assignments.service.ts';

/** "My work": the caller's assignments on a project, newest first, to reopen and edit. */
export async function myWork(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: z.output<typeof MyWorkQuery>,
): Promise<{ items: z.input<typeof Work>[]; nextCursor: string | null }> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  const iface = interfaceOf(project);
  const view = suggestionView(project, iface, access);
  const rows = await listOwnAssignments(ctx.store.db, {
    projectId,
    userId: caller.id,
    beforeId: decodeCursor(query.cursor),
    limit: query.limit + 1,
    status: query.status,
  });
  const page = pageOf(rows, query.limit, (r) => r.id);
  const items: z.input<typeof Work>[] = [];
  for (const a of page.items) items.push(await loadWork(ctx.store.db, { iface, assignment: a, view }));
  return { items, nextCursor: page.nextCursor };
}
