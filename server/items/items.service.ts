import type { z } from 'zod';
import type { ItemDetail, Revision } from '../../core/api/assignments.ts';
import type { ItemSummary } from '../../core/api/items.ts';
import { projectAccess } from '../access.ts';
import {
  annotationsQuery,
  toAnnotation,
  toAssignment,
  toItem,
} from '../assignments/assignments.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { notFound } from '../http/errors.ts';
import { findProject } from '../projects/projects.repository.ts';

type SummaryOut = z.input<typeof ItemSummary>;

/** Managers and reviewers page through every item; annotators through those assigned to them. */
export async function listItems(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  q: { cursor?: string | undefined; limit: number },
): Promise<{ items: SummaryOut[]; nextCursor: string | null }> {
  const access = await projectAccess(ctx.store.db, caller, projectId);
  const project = (await findProject(ctx.store.db, projectId))!;
  const db = ctx.store.db;
  let query = db
    .selectFrom('items as i')
    .selectAll('i')
    .where('i.projectId', '=', projectId)
    .where('i.id', '>', decodeCursor(q.cursor))
    .orderBy('i.id')
    .limit(q.limit + 1);
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
      status:
        i.submittedCount >= project.overlap
          ? 'complete'
          : i.slotsLeft < project.overlap
            ? 'in_progress'
            : 'open',
      submitted: i.submittedCount,
      annotators: annotators.get(i.id) ?? [],
    })),
    nextCursor: page.nextCursor,
  };
}

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

export async function annotationHistory(
  ctx: AppContext,
  caller: Caller,
  annotationId: number,
): Promise<{ items: z.input<typeof Revision>[] }> {
  const db = ctx.store.db;
  const annotation = await db
    .selectFrom('annotations')
    .select(['projectId', 'userId'])
    .where('id', '=', annotationId)
    .executeTakeFirst();
  if (!annotation) throw notFound('annotation');
  const access = await projectAccess(db, caller, annotation.projectId).catch(() => {
    throw notFound('annotation');
  });
  if (!access.viewAll && annotation.userId !== caller.id) throw notFound('annotation');
  const rows = await db
    .selectFrom('annotationRevisions')
    .selectAll()
    .where('annotationId', '=', annotationId)
    .orderBy('revision')
    .execute();
  return {
    items: rows.map((r) => ({
      revision: r.revision,
      userId: r.userId,
      kind: r.kind,
      answers: JSON.parse(r.answers),
      createdAt: iso(r.createdAt),
    })),
  };
}
