import { type RawBuilder, sql } from 'kysely';
import type { z } from 'zod';
import type { ItemFilter, ItemSort } from '../../core/api/items.ts';
import type { ReviewStatus } from '../../core/review.ts';
import type { SearchQuery } from '../../core/search-words.ts';
import { isStranded } from '../assignments/stranded.repository.ts';
import type { StoreKind } from '../db/store.ts';
import { itemTarget } from '../quality/adaptive-overlap.repository.ts';

/**
 * The item list's filters as conditions on a row of `items as i`, one store's SQL or the other's
 * where they differ, with the same meaning (docs/data-model.md, "Searching items").
 */

/** How an answer filter compares, by the question's type. */
export type AnswerMatch =
  | { question: string; kind: 'equals-text'; value: string }
  | { question: string; kind: 'equals-number'; value: number }
  | { question: string; kind: 'has-option'; value: string }
  | { question: string; kind: 'has-span-label'; value: string }
  | { question: string; kind: 'contains-text'; value: string };

export interface MetaMatch {
  key: string;
  value: string;
}

export interface ItemConditions {
  kind: StoreKind;
  /** The project's overlap, which the status rules compare with (or an item's own target). */
  overlap: number;
  /** The project's annotator count (countAnnotators), which the stranded rule compares with. */
  annotators: number;
  now: number;
  status: z.output<typeof ItemFilter> | undefined;
  search: SearchQuery | null;
  externalIdPrefix: string | undefined;
  /** Only items assigned to this user (an annotator's view); annotation filters then read only theirs. */
  assignedTo: number | undefined;
  annotator: number | undefined;
  answers: AnswerMatch[];
  meta: MetaMatch[];
  /** Epoch milliseconds; `to` bounds are exclusive. */
  created: { from: number | undefined; to: number | undefined };
  submitted: { from: number | undefined; to: number | undefined };
  /** Only items with a submitted annotation that has an integrity flag. */
  flagged: boolean;
  /** Only items with an annotation in this review status (docs/quality.md). */
  review: ReviewStatus | undefined;
  /** Only items whose disagreement score is at least this. */
  minDisagreement: number | undefined;
}

type Condition = RawBuilder<unknown>;

export function itemConditions(f: ItemConditions): Condition[] {
  const out: Condition[] = [];
  const status = statusCondition(f);
  if (status) out.push(status);
  if (f.search) out.push(searchCondition(f.kind, f.search));
  if (f.externalIdPrefix !== undefined) {
    // substr counts characters (code points) on both stores; LIKE would differ in case rules.
    const length = [...f.externalIdPrefix].length;
    out.push(sql`substr(i.external_id, 1, ${length}) = ${f.externalIdPrefix}`);
  }
  if (f.assignedTo !== undefined) out.push(hasAssignment(f.assignedTo));
  // The sort's expression, so its index (migration 0023) serves the filter too; the bound is ≥ 0.
  if (f.minDisagreement !== undefined) out.push(sql`coalesce(i.disagreement, -1) >= ${f.minDisagreement}`);
  if (f.annotator !== undefined) out.push(hasAssignment(f.annotator));
  if (f.created.from !== undefined) out.push(sql`i.created_at >= ${f.created.from}`);
  if (f.created.to !== undefined) out.push(sql`i.created_at < ${f.created.to}`);
  const own = f.assignedTo === undefined ? sql`` : sql` and n.user_id = ${f.assignedTo}`;
  if (f.submitted.from !== undefined || f.submitted.to !== undefined) {
    const from = f.submitted.from === undefined ? sql`` : sql` and n.submitted_at >= ${f.submitted.from}`;
    const to = f.submitted.to === undefined ? sql`` : sql` and n.submitted_at < ${f.submitted.to}`;
    out.push(sql`exists (select 1 from annotations n
      where n.item_id = i.id and n.status = 'submitted'${from}${to}${own})`);
  }
  for (const a of f.answers) {
    out.push(sql`exists (select 1 from annotations n
      where n.item_id = i.id and n.status = 'submitted'${own} and ${answerCondition(f.kind, a)})`);
  }
  for (const m of f.meta) out.push(metaCondition(f.kind, m));
  if (f.flagged) {
    out.push(sql`exists (select 1 from annotations n
      where n.item_id = i.id and n.status = 'submitted' and n.flags is not null${own})`);
  }
  if (f.review !== undefined) {
    const ownReview = f.assignedTo === undefined ? sql`` : sql` and r.annotator_id = ${f.assignedTo}`;
    out.push(sql`exists (select 1 from reviews r
      where r.item_id = i.id and r.status = ${f.review}${ownReview})`);
  }
  return out;
}

const hasAssignment = (userId: number) =>
  sql`exists (select 1 from assignments a where a.item_id = i.id and a.user_id = ${userId})`;

/** The same rules as itemStatus (items.service.ts) and the project's progress counts. */
function statusCondition(f: ItemConditions): Condition | undefined {
  const target = itemTarget(f.overlap, 'i');
  switch (f.status) {
    case undefined:
      return undefined;
    case 'complete':
      return sql`i.submitted_count >= ${target}`;
    case 'in_progress':
      return sql`i.submitted_count < ${target} and i.slots_left < ${target} and i.awaiting = 0`;
    case 'awaiting':
      return sql`i.awaiting = 1`;
    case 'open':
      return sql`i.submitted_count < ${target} and i.slots_left >= ${target}`;
    case 'skipped':
      return sql`exists (select 1 from assignments s where s.item_id = i.id and s.status = 'skipped')`;
    case 'stranded':
      return isStranded(f.annotators);
    case 'waiting':
      // A free slot (so not complete), no live lock, and not stranded.
      return sql`i.slots_left > 0 and not exists (select 1 from assignments l where l.item_id = i.id
        and l.status = 'locked' and l.lock_expires_at > ${f.now}) and not ${isStranded(f.annotators)}`;
  }
}

/**
 * Every word, the last as a prefix: FTS5's query syntax on SQLite (each word quoted; the words are
 * letters and digits only), a tsquery of the lexemes as they are on PostgreSQL.
 */
function searchCondition(kind: StoreKind, q: SearchQuery): Condition {
  if (kind === 'sqlite')
    return sql`i.id in (select rowid from items_search where items_search match ${ftsMatch(q)})`;
  return sql`i.search_words @@ ${tsQuery(q)}::tsquery`;
}

/** The words as a PostgreSQL tsquery: every lexeme quoted (letters and digits only), the last maybe a prefix. */
export function tsQuery(q: SearchQuery): string {
  const last = q.words.length - 1;
  return q.words.map((w, i) => `'${w}'${i === last && q.prefix ? ':*' : ''}`).join(' & ');
}

/**
 * PostgreSQL, the same match checked row by row: the expression is not the GIN index's column, so
 * the planner cannot read that index for it and walks the items in the page's order instead (what
 * a search matching many of the project's items wants; see listItemRows).
 */
export const searchFilter = (q: SearchQuery): Condition =>
  sql`coalesce(i.search_words, ''::tsvector) @@ ${tsQuery(q)}::tsquery`;

/** The words as an FTS5 query: each quoted (they are letters and digits only), the last maybe a prefix. */
export function ftsMatch(q: SearchQuery): string {
  const last = q.words.length - 1;
  return q.words.map((w, i) => `"${w}"${i === last && q.prefix ? '*' : ''}`).join(' ');
}

function answerCondition(kind: StoreKind, a: AnswerMatch): Condition {
  if (kind === 'sqlite') {
    const path = `$.${a.question}`;
    const value = sql`json_extract(n.answers, ${path})`;
    switch (a.kind) {
      case 'equals-text':
      case 'equals-number':
        return sql`${value} = ${a.value}`;
      case 'contains-text':
        return sql`instr(${value}, ${a.value}) > 0`;
      case 'has-option':
        return sql`exists (select 1 from json_each(n.answers, ${path}) e where e.value = ${a.value})`;
      case 'has-span-label':
        return sql`exists (select 1 from json_each(n.answers, ${path}) e
          where json_extract(e.value, '$.label') = ${a.value})`;
    }
  }
  const value = sql`(n.answers::jsonb -> ${a.question})`;
  switch (a.kind) {
    case 'equals-text':
      return sql`${value} = to_jsonb(${a.value}::text)`;
    case 'equals-number':
      return sql`${value} = to_jsonb(${a.value}::numeric)`;
    case 'contains-text':
      return sql`strpos(n.answers::jsonb ->> ${a.question}, ${a.value}) > 0`;
    case 'has-option':
      return sql`${value} @> jsonb_build_array(${a.value}::text)`;
    case 'has-span-label':
      return sql`${value} @> jsonb_build_array(jsonb_build_object('label', ${a.value}::text))`;
  }
}

/** A meta value equal to the text: a string equal to it, a number equal to it, true or false. */
function metaCondition(kind: StoreKind, m: MetaMatch): Condition {
  const number = /^\s*$/.test(m.value) ? null : Number(m.value);
  const numeric = number !== null && Number.isFinite(number) ? number : null;
  const bool = m.value === 'true' || m.value === 'false' ? m.value : null;
  if (kind === 'sqlite') {
    return sql`exists (select 1 from json_each(i.meta) e where e.key = ${m.key} and (
      (e.type = 'text' and e.value = ${m.value}) or (e.type in ('integer', 'real') and e.value = ${numeric})
      or e.type = ${bool}))`;
  }
  const candidates = [JSON.stringify(m.value)];
  if (numeric !== null) candidates.push(String(numeric));
  if (bool !== null) candidates.push(bool);
  return sql`(i.meta::jsonb -> ${m.key}) = any(${candidates}::jsonb[])`;
}

type Sort = z.output<typeof ItemSort>;

/** The sort key of a row of `items as i`, the expression the sort indexes of migration 0009 hold. */
export function sortKey(kind: StoreKind, sort: Sort): RawBuilder<number | string> {
  switch (sort) {
    case 'id':
      return sql`i.id`;
    case 'priority':
      return sql`i.priority`;
    case 'createdAt':
      return sql`i.created_at`;
    case 'submitted':
      return sql`i.submitted_count`;
    case 'disagreement':
      // Items without a score (fewer than two answers) below every score: last when most disputed first.
      return sql`coalesce(i.disagreement, -1)`;
    case 'externalId':
      return kind === 'sqlite'
        ? sql`coalesce(i.external_id, '')`
        : sql`(coalesce(i.external_id, '') collate "C")`;
  }
}
