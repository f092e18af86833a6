import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { ItemSort } from '../../core/api/items.ts';
import {
  type AnnotationRow,
  type AssignmentRow,
  annotationsQuery,
  annotatorLabel,
  type ItemRow,
} from '../assignments/assignments.repository.ts';
import { isStranded } from '../assignments/stranded.repository.ts';
import type { Db } from '../db/transaction.ts';
import { ftsMatch, type ItemConditions, itemConditions, sortKey } from './item-filters.repository.ts';
import type { ItemKey } from './list-cursor.ts';

/** Which of a project's items a page lists, in which order, and from where. */
export interface ItemPageFilters extends ItemConditions {
  projectId: number;
  sort: z.output<typeof ItemSort>;
  order: 'asc' | 'desc';
  /** The sort key and id of the last item of the previous page (in sort and order), if any. */
  after: ItemKey | undefined;
  limit: number;
}

/**
 * One page of a project's items by keyset on (sort key, id), with one row more than `limit` if
 * there is a next page. Import order reads the items_project index, priority and externalId their
 * own (migration 0009); the other sorts order the matching rows. A search reads the store's text
 * index (items_search); the other filters have no index of their own and are checked row by row
 * as the walk goes, stopping after `limit + 1` matches.
 */
export async function listItemRows(
  db: Db,
  f: ItemPageFilters,
): Promise<(ItemRow & { skipped: number; stranded: boolean; sortKey: number | string })[]> {
  const dir = f.order === 'desc' ? 'desc' : 'asc';
  const key = sortKey(f.kind, f.sort);
  // SQLite, a search in import order: the FTS5 table leads, in rowid (= item id) order, so the
  // page is its first matches that pass the other filters, however many items match in all.
  const ftsLeads = f.kind === 'sqlite' && f.search !== null && f.sort === 'id';
  const from = ftsLeads
    ? (db
        .selectFrom(sql`items_search`.as('items_search'))
        .innerJoin('items as i', (join) => join.on(sql<boolean>`i.id = items_search.rowid`))
        .where(sql<boolean>`items_search match ${ftsMatch(f.search!)}`) as unknown as ReturnType<
        typeof itemsFrom
      >)
    : itemsFrom(db);
  const idOrder = ftsLeads ? sql`items_search.rowid` : sql`i.id`;
  let query = from
    .select([
      'i.id',
      'i.projectId',
      'i.externalId',
      'i.data',
      'i.meta',
      'i.priority',
      'i.rand',
      'i.slotsLeft',
      'i.submittedCount',
      'i.createdAt',
    ])
    .select((eb) => [
      eb
        .selectFrom('assignments as s')
        .select(sql<number>`count(*)`.as('n'))
        .whereRef('s.itemId', '=', 'i.id')
        .where('s.status', '=', 'skipped')
        .as('skipped'),
      sql<number>`case when ${isStranded(f.annotators)} then 1 else 0 end`.as('stranded'),
      key.as('sortKey'),
    ])
    .where('i.projectId', '=', f.projectId)
    .limit(f.limit + 1);
  if (f.sort !== 'id') query = query.orderBy(key, dir);
  query = query.orderBy(idOrder, dir);
  if (f.after !== undefined) {
    const op = sql.raw(dir === 'desc' ? '<' : '>');
    query =
      f.sort === 'id'
        ? query.where(sql<boolean>`${idOrder} ${op} ${f.after.id}`)
        : // (key, id) past the cursor: the row comparison seeks PostgreSQL's index, the bound on
          // the key alone SQLite's (which does not seek an expression index by a row value).
          query.where(
            sql<boolean>`${key} ${sql.raw(dir === 'desc' ? '<=' : '>=')} ${f.after.key}
              and (${key}, i.id) ${op} (${f.after.key}, ${f.after.id})`,
          );
  }
  const conditions = itemConditions(ftsLeads ? { ...f, search: null } : f);
  for (const c of conditions) query = query.where(c as RawBuilder<boolean>);
  const rows = await query.execute();
  return rows.map((r) => ({
    ...r,
    skipped: Number(r.skipped ?? 0),
    stranded: Number(r.stranded) === 1,
    sortKey: typeof r.sortKey === 'string' ? r.sortKey : Number(r.sortKey),
  }));
}

const itemsFrom = (db: Db) => db.selectFrom('items as i');

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
