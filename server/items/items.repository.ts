import { sql } from 'kysely';
import type { z } from 'zod';
import type { ItemFilter } from '../../core/api/items.ts';
import {
  type AnnotationRow,
  type AssignmentRow,
  annotationsQuery,
  annotatorLabel,
  type ItemRow,
} from '../assignments/assignments.repository.ts';
import { isStranded } from '../assignments/stranded.repository.ts';
import type { Db } from '../db/transaction.ts';

/** Which of a project's items a page lists, and from where. */
export interface ItemPageFilters {
  projectId: number;
  /** The project's overlap, which the status rules compare with. */
  overlap: number;
  order: 'asc' | 'desc';
  /** The id of the last item of the previous page (in `order`), if any. */
  after: number | undefined;
  status: z.output<typeof ItemFilter> | undefined;
  /** The project's annotator count (countAnnotators), which the stranded rule compares with. */
  annotators: number;
  externalIdPrefix: string | undefined;
  /** Only items assigned to this user (an annotator's view). */
  assignedTo: number | undefined;
  limit: number;
}

/**
 * One page of a project's items by keyset on `id` alone (the items_project index), with one row
 * more than `limit` if there is a next page. The filters have no index of their own: a status
 * filter or an externalId prefix walks the project's ids in order and stops after `limit + 1`
 * matches.
 */
export async function listItemRows(
  db: Db,
  f: ItemPageFilters,
): Promise<(ItemRow & { skipped: number; stranded: boolean })[]> {
  const desc = f.order === 'desc';
  let query = db
    .selectFrom('items as i')
    .selectAll('i')
    .select((eb) => [
      eb
        .selectFrom('assignments as s')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('s.itemId', '=', 'i.id')
        .where('s.status', '=', 'skipped')
        .as('skipped'),
      sql<number>`case when ${isStranded(f.annotators)} then 1 else 0 end`.as('stranded'),
    ])
    .where('i.projectId', '=', f.projectId)
    .orderBy('i.id', desc ? 'desc' : 'asc')
    .limit(f.limit + 1);
  if (f.after !== undefined) query = query.where('i.id', desc ? '<' : '>', f.after);
  // The same rules as itemStatus (items.service.ts) and the project's progress counts.
  if (f.status === 'complete') query = query.where('i.submittedCount', '>=', f.overlap);
  else if (f.status === 'in_progress')
    query = query.where('i.submittedCount', '<', f.overlap).where('i.slotsLeft', '<', f.overlap);
  else if (f.status === 'open')
    query = query.where('i.submittedCount', '<', f.overlap).where('i.slotsLeft', '>=', f.overlap);
  else if (f.status === 'skipped')
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as s')
          .select('s.id')
          .whereRef('s.itemId', '=', 'i.id')
          .where('s.status', '=', 'skipped'),
      ),
    );
  else if (f.status === 'stranded') query = query.where(isStranded(f.annotators));
  if (f.externalIdPrefix !== undefined) {
    // substr counts characters (code points) on both stores; LIKE would differ in case rules.
    const length = [...f.externalIdPrefix].length;
    query = query.where(sql<string>`substr(i.external_id, 1, ${length})`, '=', f.externalIdPrefix);
  }
  const { assignedTo } = f;
  if (assignedTo !== undefined) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('assignments as a')
          .select('a.id')
          .whereRef('a.itemId', '=', 'i.id')
          .where('a.userId', '=', assignedTo),
      ),
    );
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, skipped: Number(r.skipped ?? 0), stranded: Number(r.stranded) === 1 }));
}

/** The submitted annotations of these items (only `userId`'s, if given), by item, in order of id. */
export async function submittedAnnotations(
  db: Db,
  itemIds: number[],
  userId: number | undefined,
): Promise<(AnnotationRow & { annotator: string })[]> {
  let query = annotationsQuery(db).where('n.itemId', 'in', itemIds).where('n.status', '=', 'submitted');
  if (userId !== undefined) query = query.where('n.userId', '=', userId);
  return query.orderBy('n.id').execute();
}

export const findItem = (db: Db, itemId: number): Promise<ItemRow | undefined> =>
  db.selectFrom('items').selectAll().where('id', '=', itemId).executeTakeFirst();

/** An item's annotations (only `userId`'s, if given), in order of id. */
export async function annotationsOfItem(
  db: Db,
  { itemId, userId }: { itemId: number; userId: number | undefined },
): Promise<(AnnotationRow & { annotator: string })[]> {
  let query = annotationsQuery(db).where('n.itemId', '=', itemId);
  if (userId !== undefined) query = query.where('n.userId', '=', userId);
  return query.orderBy('n.id').execute();
}

/** An item's assignments (only `userId`'s, if given), with whose they are, in order of id. */
export async function assignmentsOfItem(
  db: Db,
  { itemId, userId }: { itemId: number; userId: number | undefined },
): Promise<(AssignmentRow & { annotator: string })[]> {
  let query = db
    .selectFrom('assignments as a')
    .innerJoin('users as u', 'u.id', 'a.userId')
    .selectAll('a')
    .select(annotatorLabel.as('annotator'))
    .where('a.itemId', '=', itemId);
  if (userId !== undefined) query = query.where('a.userId', '=', userId);
  return query.orderBy('a.id').execute();
}
