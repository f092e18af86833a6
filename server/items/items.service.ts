import type { z } from 'zod';
import type { ItemDetail } from '../../core/api/assignments.ts';
import type { ItemSummary, ListItemsQuery } from '../../core/api/items.ts';
import { projectAccess } from '../access.ts';
import { toAnnotation, toAssignment, toItem } from '../assignments/assignments.repository.ts';
import { countAnnotators } from '../assignments/stranded.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { findProject } from '../projects/projects.repository.ts';
import {
  annotationsOfItem,
  assignmentsOfItem,
  findItem,
  listItemRows,
  submittedAnnotations,
} from './items.repository.ts';

type SummaryOut = z.input<typeof ItemSummary>;

/** The list route's URL parameters. */
type ListParams = z.output<typeof ListItemsQuery>;

/**
 * Managers and reviewers page through every item; annotators through those assigned to them.
 * Keyset pagination on `id` alone, ascending or descending, so every page costs the same at any
 * depth. A rare status or externalId prefix may scan much of a large project (listItemRows), but
 * one page never returns more than `limit` rows.
 */
export async function listItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  params: ListParams,
): Promise<{ items: SummaryOut[]; nextCursor: string | null }> {
  const db = ctx.store.db;
  const access = await projectAccess(db, caller, projectId);
  const project = (await findProject(db, projectId))!;
  const overlap = project.overlap;
  const onlyOwn = access.viewAll ? undefined : caller.id;
  const rows = await listItemRows(db, {
    projectId,
    overlap,
    order: params.order,
    after: params.cursor === undefined ? undefined : decodeCursor(params.cursor),
    status: params.status,
    annotators: await countAnnotators(db, projectId),
    externalIdPrefix: params.externalIdPrefix,
    assignedTo: onlyOwn,
    limit: params.limit,
  });
  const page = pageOf(rows, params.limit, (r) => r.id);
  const ids = page.items.map((i) => i.id);
  const annotators = new Map<number, string[]>();
  if (ids.length > 0) {
    for (const a of await submittedAnnotations(db, ids, onlyOwn)) {
      annotators.set(a.itemId, [...(annotators.get(a.itemId) ?? []), a.annotator]);
    }
  }
  return {
    items: page.items.map(({ skipped, stranded, ...i }) => ({
      ...toItem(i),
      status: itemStatus(i, overlap),
      submitted: i.submittedCount,
      annotators: annotators.get(i.id) ?? [],
      skipped,
      stranded,
    })),
    nextCursor: page.nextCursor,
  };
}

/** Complete at `overlap` submissions; in progress while a live lock or a submission holds a slot. */
const itemStatus = (i: { submittedCount: number; slotsLeft: number }, overlap: number) =>
  i.submittedCount >= overlap ? 'complete' : i.slotsLeft < overlap ? 'in_progress' : 'open';

export async function getItem(
  ctx: AppContext,
  caller: Caller,
  itemId: number,
): Promise<z.input<typeof ItemDetail>> {
  const db = ctx.store.db;
  const item = await findItem(db, itemId);
  if (!item) throw notFound('item');
  const access = await projectAccess(db, caller, item.projectId).catch(() => {
    throw notFound('item');
  });
  const onlyOwn = access.viewAll ? undefined : caller.id;
  const assignments = await assignmentsOfItem(db, { itemId, userId: onlyOwn });
  if (!access.viewAll && assignments.length === 0) throw notFound('item');
  return {
    item: toItem(item),
    annotations: (await annotationsOfItem(db, { itemId, userId: onlyOwn })).map(toAnnotation),
    assignments: assignments.map((a) => ({ ...toAssignment(a), annotator: a.annotator })),
  };
}
