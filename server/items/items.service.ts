import { sql } from 'kysely';
import type { z } from 'zod';
import type { ItemDetail } from '../../core/api/assignments.ts';
import type { ItemSummary, ListItemsQuery } from '../../core/api/items.ts';
import { projectAccess } from '../access.ts';
import {
  annotationsQuery,
  toAnnotation,
  toAssignment,
  toItem,
} from '../assignments/assignments.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { findProject } from '../projects/projects.repository.ts';

type SummaryOut = z.input<typeof ItemSummary>;

type ListQuery = z.output<typeof ListItemsQuery>;

/**
 * Managers and reviewers page through every item; annotators through those assigned to them.
 * Keyset pagination on `id` alone (the items_project index), ascending or descending, so every
 * page costs the same at any depth. The filters have no index of their own: a status filter or an
 * externalId prefix walks the project's ids in order and stops after `limit + 1` matches, so a
 * rare match may scan much of a large project, but one page never returns more than `limit` rows.
 */
export async function listItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  q: ListQuery,
): Promise<{ items: SummaryOut[]; nextCursor: string | null }> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  const project = (await findProject(ctx.store.db, projectId))!;
  const db = ctx.store.db;
  const desc = q.order === 'desc';
  const overlap = project.overlap;
  let query = db
    .selectFrom('items as i')
    .selectAll('i')
    .where('i.projectId', '=', projectId)
    .orderBy('i.id', desc ? 'desc' : 'asc')
    .limit(q.limit + 1);
  if (q.cursor !== undefined) query = query.where('i.id', desc ? '<' : '>', decodeCursor(q.cursor));
  // The same rules as itemStatus below and the project's progress counts.
  if (q.status === 'complete') query = query.where('i.submittedCount', '>=', overlap);
  else if (q.status === 'in_progress')
    query = query.where('i.submittedCount', '<', overlap).where('i.slotsLeft', '<', overlap);
  else if (q.status === 'open')
    query = query.where('i.submittedCount', '<', overlap).where('i.slotsLeft', '>=', overlap);
  if (q.externalIdPrefix !== undefined) {
    // substr counts characters (code points) on both stores; LIKE would differ in case rules.
    const length = [...q.externalIdPrefix].length;
    query = query.where(sql<string>`substr(i.external_id, 1, ${length})`, '=', q.externalIdPrefix);
  }
  if (!access.viewAll) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a')
          .select('a.id')
          .whereRef('a.itemId', '=', 'i.id')
          .where('a.userId', '=', caller.id),
      ),
    );
  }
  const page = pageOf(await query.execute(), q.limit, (r) => r.id);
  const ids = page.items.map((i) => i.id);
  const annotators = new Map<number, string[]>();
  if (ids.length > 0) {
    let aq = annotationsQuery(db).where('n.itemId', 'in', ids).where('n.status', '=', 'submitted');
    if (!access.viewAll) aq = aq.where('n.userId', '=', caller.id);
    for (const a of await aq.orderBy('n.id').execute()) {
      annotators.set(a.itemId, [...(annotators.get(a.itemId) ?? []), a.annotator]);
    }
  }
  return {
    items: page.items.map((i) => ({
      ...toItem(i),
      status: itemStatus(i, overlap),
      submitted: i.submittedCount,
      annotators: annotators.get(i.id) ?? [],
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
  const item = await db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();
  if (!item) throw notFound('item');
  const access = await projectAccess(db, caller, item.projectId).catch(() => {
    throw notFound('item');
  });
  let aq = annotationsQuery(db).where('n.itemId', '=', itemId).orderBy('n.id');
  let sq = db.selectFrom('assignments').selectAll().where('itemId', '=', itemId).orderBy('id');
  if (!access.viewAll) {
    aq = aq.where('n.userId', '=', caller.id);
    sq = sq.where('userId', '=', caller.id);
  }
  const assignments = await sq.execute();
  if (!access.viewAll && assignments.length === 0) throw notFound('item');
  return {
    item: toItem(item),
    annotations: (await aq.execute()).map(toAnnotation),
    assignments: assignments.map(toAssignment),
  };
}
