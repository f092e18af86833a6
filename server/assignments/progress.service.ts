import type { z } from 'zod';
import type { MyProgress, MyProgressQuery } from '../../core/api/assignments.ts';
import { projectAccess } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { readProgress } from './progress.repository.ts';

/**
 * The caller's counter on a project ("n done · m left") and the assignment "Previous" opens
 * (docs/data-model.md defines both). Anyone who may open the project may ask about their own work.
 */
export async function myProgress(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: z.output<typeof MyProgressQuery>,
): Promise<z.input<typeof MyProgress>> {
  await projectAccess(ctx.store.db, caller, projectId);
  return readProgress(ctx.store.db, { projectId, userId: caller.id, before: query.before });
}
