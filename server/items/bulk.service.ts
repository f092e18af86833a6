import type { z } from 'zod';
import type { BulkItemAction, BulkItemResult } from '../../core/api/items.ts';
import { projectWithAccess } from '../access.ts';
import { invalidateCursors } from '../assignments/claim-cursors.repository.ts';
import { refreshSlots } from '../assignments/slots.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { serializeAlso, type Tx, writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden } from '../http/errors.ts';
import {
  deleteItemsWithWork,
  lockItemsOf,
  releaseClaimsOf,
  setPriorityOf,
  usersWorkingOn,
} from './bulk.repository.ts';

type Result = z.input<typeof BulkItemResult>;

/**
 * bulkItemAction: one action on many items of a project, for those who manage it, in one write
 * transaction: every id must be an item of the project, or nothing changes.
 *
 * - `priority` sets the priority; in a sequential project that can move an open item before an
 *   annotator's claim cursor, so the project's cursors are voided.
 * - `requeue` ends the items' live locks and returns their skips, as returnSkip does for one skip:
 *   the assignments become expired (drafts kept), slots are recomputed from the live claims, and
 *   the cursors are voided, so the items can be claimed again at once, by anyone with a free slot
 *   and by the people who held or skipped them.
 * - `delete` deletes the items with their assignments, annotations and revisions.
 */
export async function bulkItemAction(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  body: BulkItemAction,
): Promise<Result> {
  const { project, access } = await projectWithAccess(ctx.store.db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can change items in bulk.');
  const { ids } = body;
  return writeTransaction(ctx.store, async (tx) => {
    if (body.action !== 'priority') await serializeWithWorkOn(ctx, tx, projectId, ids);
    const found = await lockItemsOf(ctx.store, tx, projectId, ids);
    if (found.length !== ids.length) throw notInProject(ids, found);
    switch (body.action) {
      case 'priority': {
        await setPriorityOf(tx, ids, body.priority);
        if (project.itemOrder === 'sequential') await invalidateCursors(tx, projectId);
        return { action: 'priority', affected: ids.length };
      }
      case 'requeue': {
        const returned = await releaseClaimsOf(tx, ids, Date.now());
        await refreshSlots(tx, projectId, project.overlap, returned);
        return { action: 'requeue', affected: returned.length };
      }
      case 'delete': {
        const { annotations } = await deleteItemsWithWork(tx, ids);
        return { action: 'delete', affected: ids.length, annotationsDeleted: annotations };
      }
    }
  });
}

/**
 * Requeue and delete change other people's assignments, so they wait for (and hold back) the work
 * of everyone with an assignment on the items: each annotator's claims, saves and submits in a
 * project run under the (project, annotator) key (serializeOn). Someone who claims one of the
 * items between the look-up and the locks is caught by a second look, after the items are locked.
 */
async function serializeWithWorkOn(ctx: AppContext, tx: Tx, projectId: number, ids: number[]): Promise<void> {
  const first = await usersWorkingOn(tx, ids);
  await serializeAlso(
    ctx.store,
    tx,
    first.map((u) => [projectId, u] as const),
  );
  await lockItemsOf(ctx.store, tx, projectId, ids);
  const late = (await usersWorkingOn(tx, ids)).filter((u) => !first.includes(u));
  await serializeAlso(
    ctx.store,
    tx,
    late.map((u) => [projectId, u] as const),
  );
}

/** The ids that are not items of the project, named (the first 20 in the message, all in details). */
function notInProject(ids: number[], found: number[]): AppError {
  const known = new Set(found);
  const missing = ids.filter((id) => !known.has(id));
  const shown =
    missing.slice(0, 20).join(', ') + (missing.length > 20 ? `, and ${missing.length - 20} more` : '');
  const message = `not ${missing.length === 1 ? 'an item' : 'items'} of this project: ${shown}; nothing was changed`;
  return new AppError('VALIDATION_FAILED', `body.ids: ${message}`, [
    { path: 'body.ids', message, ids: missing },
  ]);
}
