import type { z } from 'zod';
import type { ItemDetail } from '../../core/api/assignments.ts';
import type { ItemSummary, ListItemsQuery } from '../../core/api/items.ts';
import { migrateInterface, withoutHiddenModels } from '../../core/interface/index.ts';
import type { ReviewStatus } from '../../core/review.ts';
import { parseSearchQuery } from '../../core/search-words.ts';
import { projectAccess, projectWithAccess, seesEveryItem } from '../access.ts';
import { toAnnotation, toAssignment, toItem } from '../assignments/assignments.repository.ts';
import { countAnnotators } from '../assignments/stranded.repository.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { findGoldAnswers } from '../gold/gold.repository.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { itemMedia } from '../media/item-media.ts';
import { predictionsOfItem } from '../predictions/predictions.repository.ts';
import { findProject } from '../projects/projects.repository.ts';
import { reviewStatusesOf } from '../review/review.repository.ts';
import {
  annotationsOfItem,
  assignmentsOfItem,
  findItem,
  listItemRows,
  submittedAnnotations,
} from './items.repository.ts';
import { decodeItemCursor, encodeItemCursor } from './list-cursor.ts';
import { listFilters } from './list-filters.ts';
import { itemPreview } from './preview.ts';

type SummaryOut = z.input<typeof ItemSummary>;

/** The list route's URL parameters. */
type ListParams = z.output<typeof ListItemsQuery>;

/**
 * Managers and reviewers page through every item; annotators through those assigned to them, and
 * their answer and submission filters read only their own annotations. Keyset pagination on
 * (sort key, id), ascending or descending, so a page in import order, by priority or by
 * externalId costs the same at any depth. Filters that are rare in a large project may scan much
 * of it (listItemRows), but one page never returns more than `limit` rows.
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
  if (params.flagged && !access.viewAll)
    throw forbidden('Only managers and reviewers can see integrity flags, so only they can filter by them.');
  if ((params.minDisagreement !== undefined || params.sort === 'disagreement') && !access.viewAll)
    throw forbidden('Only managers and reviewers see disagreement, so only they can sort or filter by it.');
  const iface = migrateInterface(JSON.parse(project.interface));
  const filters = listFilters(iface, params);
  const search = params.q === undefined ? null : parseSearchQuery(params.q);
  const after = decodeItemCursor(params.cursor, params.sort, params.order);
  // An annotator sees nobody's assignments but their own.
  const nobody = onlyOwn !== undefined && params.annotator !== undefined && params.annotator !== onlyOwn;
  const rows = nobody
    ? []
    : await listItemRows(db, {
        kind: ctx.store.kind,
        projectId,
        overlap,
        sort: params.sort,
        order: params.order,
        after,
        status: params.status,
        annotators: await countAnnotators(db, projectId),
        now: Date.now(),
        search,
        externalIdPrefix: params.externalIdPrefix,
        assignedTo: onlyOwn,
        annotator: params.annotator,
        ...filters,
        limit: params.limit,
      });
  const items = rows.slice(0, params.limit);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > params.limit && last
      ? encodeItemCursor(params.sort, params.order, { key: last.sortKey, id: last.id })
      : null;
  const ids = items.map((i) => i.id);
  const annotators = new Map<number, string[]>();
  const flagged = new Set<number>();
  if (ids.length > 0) {
    for (const a of await submittedAnnotations(db, ids, onlyOwn)) {
      annotators.set(a.itemId, [...(annotators.get(a.itemId) ?? []), a.annotator]);
      if (a.flags !== null) flagged.add(a.itemId);
    }
  }
  const reviews = new Map<number, ReviewStatus[]>();
  for (const r of await reviewStatusesOf(db, ids, onlyOwn))
    reviews.set(r.itemId, [...(reviews.get(r.itemId) ?? []), r.status]);
  const firstField = iface.fields[0]?.name;
  return {
    items: items.map(({ skipped, stranded, sortKey: _, ...i }) => {
      const item = toItem(i);
      return {
        ...item,
        status: itemStatus(i, i.target ?? overlap),
        submitted: i.submittedCount,
        target: i.target ?? overlap,
        annotators: annotators.get(i.id) ?? [],
        skipped,
        stranded,
        ...(access.viewAll ? { flagged: flagged.has(i.id) } : {}),
        disagreement: access.viewAll ? i.disagreement : null,
        review: reviews.get(i.id) ?? [],
        preview: itemPreview(item.data, firstField),
      };
    }),
    nextCursor,
  };
}

/**
 * Awaiting while a `responses` field waits for its candidates; complete at `overlap` submissions
 * (the item's own target under adaptive overlap);
 * in progress while a live lock or a submission holds a slot.
 */
const itemStatus = (i: { submittedCount: number; slotsLeft: number; awaiting: number }, overlap: number) =>
  i.awaiting === 1
    ? 'awaiting'
    : i.submittedCount >= overlap
      ? 'complete'
      : i.slotsLeft < overlap
        ? 'in_progress'
        : 'open';

export async function getItem(
  ctx: AppContext,
  caller: Caller,
  itemId: number,
): Promise<z.input<typeof ItemDetail>> {
  const db = ctx.store.db;
  const item = await findItem(db, itemId);
  if (!item) throw notFound('item');
  const { project, access } = await projectWithAccess(db, caller, item.projectId).catch(() => {
    throw notFound('item');
  });
  // Reviewers and adjudicators see everyone's work on the item (what they review); annotators their own.
  const onlyOwn = seesEveryItem(project, caller, access) ? undefined : caller.id;
  const assignments = await assignmentsOfItem(db, { itemId, userId: onlyOwn });
  if (onlyOwn !== undefined && assignments.length === 0) throw notFound('item');
  const shown = toItem(item);
  // Anyone short of seeing all the project's work sees the item without hidden model names.
  if (!access.viewAll)
    shown.data = withoutHiddenModels(migrateInterface(JSON.parse(project.interface)), shown.data);
  const media = await itemMedia(db, item.projectId, item.id, shown.data);
  // Gold answers only for those who see every item's work: an annotator never learns an item is gold.
  const gold = access.viewAll ? await findGoldAnswers(db, itemId) : undefined;
  return {
    item: shown,
    annotations: (await annotationsOfItem(db, { itemId, userId: onlyOwn })).map((n) =>
      toAnnotation(n, { integrity: access.viewAll }),
    ),
    assignments: assignments.map((a) => ({ ...toAssignment(a), annotator: a.annotator })),
    ...(media ? { media } : {}),
    ...(access.viewAll
      ? {
          predictions: (await predictionsOfItem(db, itemId)).map((p) => ({
            agent: p.agent,
            score: p.score,
            answers: JSON.parse(p.answers) as Record<string, unknown>,
            source: p.source,
            createdAt: iso(p.createdAt),
          })),
          ...(gold ? { gold } : {}),
          target: item.target,
          disagreement: item.disagreement,
        }
      : {}),
  };
}
