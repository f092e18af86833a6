import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { ItemSort } from '../../core/api/items.ts';
import type { SearchQuery } from '../../core/search-words.ts';
import {
  type AnnotationRow,
  type AssignmentRow,
  annotationsQuery,
  annotatorLabel,
  type ItemRow,
} from '../assignments/assignments.repository.ts';
import { isStranded } from '../assignments/stranded.repository.ts';
import type { Db } from '../db/transaction.ts';
import {
  ftsMatch,
  type ItemConditions,
  itemConditions,
  searchFilter,
  sortKey,
  tsQuery,
} from './item-filters.repository.ts';
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
 * index (items_search), on PostgreSQL after a bounded walk (postgresSearchPage); the other filters have no index of their own and are checked row by row
 * as the walk goes, stopping after `limit + 1` matches.
 */
export async function listItemRows(db: Db, f: ItemPageFilters): Promise<PageRow[]> {
  if (f.kind !== 'postgres' || f.search === null) return itemPage(db, f, {});
  return postgresSearchPage(db, f, f.search);
}

type PageRow = ItemRow & { skipped: number; stranded: boolean; sortKey: number | string };

/** How PostgreSQL finds a search's page: the search as a condition, and maybe a walk's budget. */
interface PageSource {
  /** The search's condition, in place of itemConditions'. */
  match?: Condition;
  /** Walk at most this many of the project's items (past the cursor, in the page's order; may be infinite). */
  budget?: number;
}

type Condition = RawBuilder<unknown>;

/**
 * PostgreSQL: `walkBudget`, how many of the items past the cursor a search reads at most in the
 * page's order before it lists the matches from the GIN index instead; `matchCap`, how many
 * matches it lists from there at most, above which it walks (docs/data-model.md, "How it runs").
 * Tests make them small to take every path on a few items.
 */
export const searchTuning = { walkBudget: 10_000, matchCap: 50_000 };

/**
 * PostgreSQL, a search: the planner cannot tell where in a large table a project's matches lie,
 * so the choice between walking the items in order and reading the GIN index is made here, by
 * what the walk finds. First a walk of at most searchTuning.walkBudget items in the page's order (a
 * sort with an index of its own): a word common in the project fills the page at once. Else
 * the project's matches by the GIN index, few since the walk found few, as ids, then their page.
 * Many matches after all (other filters that the walk found rare), or a sort without an index:
 * the walk, unbounded, or (a sort without an index) the planner's own choice.
 */
async function postgresSearchPage(db: Db, f: ItemPageFilters, search: SearchQuery): Promise<PageRow[]> {
  const filter = searchFilter(search);
  const indexed = f.sort === 'id' || f.sort === 'priority' || f.sort === 'externalId';
  if (indexed) {
    const rows = await itemPage(db, f, { match: filter, budget: searchTuning.walkBudget });
    if (rows.length > f.limit) return rows;
  }
  const ids = await searchMatches(db, f.projectId, search);
  if (ids === null)
    return itemPage(db, f, indexed ? { match: filter, budget: Number.POSITIVE_INFINITY } : {});
  if (ids.length === 0) return [];
  return itemPage(db, f, { match: sql`i.id = any(${ids}::bigint[])` });
}

/**
 * The ids of the project's items that match the search, read from the GIN index (in no order),
 * or null if there are more than searchTuning.matchCap. The project as `project_id + 0`, which no
 * index holds: the planner cannot AND the GIN index with the project's (a bitmap of all its items).
 */
async function searchMatches(db: Db, projectId: number, q: SearchQuery): Promise<number[] | null> {
  const rows = await db
    .selectFrom('items as i')
    .select('i.id')
    .where(sql<boolean>`i.search_words @@ ${tsQuery(q)}::tsquery and i.project_id + 0 = ${projectId}`)
    .limit(searchTuning.matchCap + 1)
    .execute();
  return rows.length > searchTuning.matchCap ? null : rows.map((r) => Number(r.id));
}

async function itemPage(db: Db, f: ItemPageFilters, source: PageSource): Promise<PageRow[]> {
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
  const order = [...(f.sort === 'id' ? [] : [key]), idOrder];
  let pastCursor: RawBuilder<boolean> | undefined;
  if (f.after !== undefined) {
    const op = sql.raw(dir === 'desc' ? '<' : '>');
    pastCursor =
      f.sort === 'id'
        ? sql<boolean>`${idOrder} ${op} ${f.after.id}`
        : // (key, id) past the cursor: the row comparison seeks PostgreSQL's index, the bound on
          // the key alone SQLite's (which does not seek an expression index by a row value).
          sql<boolean>`${key} ${sql.raw(dir === 'desc' ? '<=' : '>=')} ${f.after.key}
              and (${key}, i.id) ${op} (${f.after.key}, ${f.after.id})`;
  }
  let walk =
    source.budget === undefined ? undefined : walkedItems(db, f.projectId, order, dir, source.budget);
  if (walk && pastCursor) walk = walk.where(pastCursor);
  let query = (walk ? (db.selectFrom(walk.as('i')) as unknown as typeof from) : from)
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
      'i.awaiting',
      'i.disagreement',
      'i.target',
      'i.skillProfileId',
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
    .limit(f.limit + 1);
  // The walk holds only the project's items, past the cursor, in this order after the project.
  if (walk) query = query.orderBy(sql`i.project_id`, dir);
  else query = query.where('i.projectId', '=', f.projectId);
  for (const o of order) query = query.orderBy(o, dir);
  if (pastCursor && !walk) query = query.where(pastCursor);
  const conditions = itemConditions(ftsLeads || source.match ? { ...f, search: null } : f);
  if (source.match) conditions.push(source.match);
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

/**
 * PostgreSQL: the project's first `budget` items in this order. The project as a range, first in
 * the order: as an equality the planner drops it from the order and may walk items_pkey, through
 * other projects' items, believing the project's spread evenly among them.
 */
const walkedItems = (
  db: Db,
  projectId: number,
  order: RawBuilder<unknown>[],
  dir: 'asc' | 'desc',
  budget: number,
) => {
  let q = itemsFrom(db)
    .selectAll('i')
    .where(sql<boolean>`i.project_id >= ${projectId} and i.project_id <= ${projectId}`)
    .orderBy(sql`i.project_id`, dir);
  for (const o of order) q = q.orderBy(o, dir);
  return Number.isFinite(budget) ? q.limit(budget) : q;
};

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
