import { z } from 'zod';
import { MAX_PRIORITY, MIN_PRIORITY } from '../codecs/item-input.ts';
import {
  SEARCH_PREFIX_MIN_LENGTH,
  SEARCH_QUERY_MAX_LENGTH,
  SEARCH_QUERY_MAX_WORDS,
  searchWords,
} from '../search-words.ts';
import { Id, IsoTime, PageQuery } from './common.ts';
import { ReviewStatus } from './review.ts';

/** The longest `preview` of an item in the list. */
export const ITEM_PREVIEW_LENGTH = 200;

export const Item = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    externalId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    meta: z.record(z.string(), z.unknown()),
    priority: z.number().int(),
    createdAt: IsoTime,
  })
  .meta({ id: 'Item' });
export type Item = z.infer<typeof Item>;

/** `awaiting`: the item waits for generated candidates and is not served yet (docs/generation.md). */
export const ItemStatus = z.enum(['open', 'in_progress', 'complete', 'awaiting']);
export const ItemSummary = Item.extend({
  status: ItemStatus,
  submitted: z.number().int(),
  target: z
    .number()
    .int()
    .describe("the submissions the item needs: the project's overlap, or its own under adaptive overlap"),
  annotators: z.array(z.string()),
  skipped: z.number().int().describe('skips recorded on the item'),
  stranded: z
    .boolean()
    .describe('cannot complete with the current members (docs/data-model.md, "Stranded items")'),
  flagged: z
    .boolean()
    .optional()
    .describe(
      'a submitted annotation of the item has an integrity flag (docs/data-model.md, "Integrity signals"); only for managers and reviewers',
    ),
  disagreement: z
    .number()
    .nullable()
    .describe(
      "the item's disagreement score over its human answers (0: all agree, 1 at most; docs/quality.md); null below two answers, and for annotators",
    ),
  review: z
    .array(ReviewStatus)
    .describe(
      "the review status of each of its annotations in review, oldest first (an annotator's list: their own); empty when none (docs/quality.md)",
    ),
  preview: z
    .string()
    .max(ITEM_PREVIEW_LENGTH)
    .describe(
      `the start of the item's first text field as plain text (whitespace collapsed), at most ${ITEM_PREVIEW_LENGTH} characters`,
    ),
}).meta({ id: 'ItemSummary' });
/** What the item list filters on: a status, items someone skipped, stranded or waiting items. */
export const ItemFilter = z.enum([...ItemStatus.options, 'skipped', 'stranded', 'waiting']);
/** The item list's sorts; each pages by keyset with the item id as tiebreaker. */
export const ItemSort = z.enum(['id', 'priority', 'createdAt', 'submitted', 'externalId', 'disagreement']);

export const ItemParams = z.object({ itemId: Id });

/** Bounds of the list's repeatable filters (docs/data-model.md, "Searching items"). */
export const ITEM_FILTER_MAX_REPEATS = 10;
export const ITEM_FILTER_MAX_LENGTH = 300;

/** A `NAME:VALUE` filter that may repeat: one value or several, always an array once parsed. */
const pairs = (what: string) => {
  const one = z
    .string()
    .max(ITEM_FILTER_MAX_LENGTH)
    .regex(/^[^:]+:/, `must be ${what}:VALUE`);
  return z
    .union([one, z.array(one).max(ITEM_FILTER_MAX_REPEATS)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/i;

/**
 * An ISO 8601 date or date-time as a bound in epoch milliseconds: a date is its whole UTC day
 * (`from` its first millisecond, `to` the first of the next day); a date-time without a zone is
 * UTC. The upper bound is exclusive, so `to` of a date-time includes that millisecond. Null for
 * text that is not such a date (or a day that does not exist, like 2026-02-30).
 */
export function dateBound(text: string, side: 'from' | 'to'): number | null {
  const dayStart = realDay(text.slice(0, 10));
  if (dayStart === null) return null;
  if (DATE.test(text)) return side === 'from' ? dayStart : dayStart + 86_400_000;
  if (!DATE_TIME.test(text)) return null;
  const ms = Date.parse(/(Z|[+-]\d{2}:\d{2})$/i.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  return side === 'from' ? ms : ms + 1;
}

/** The first millisecond (UTC) of a YYYY-MM-DD day that exists, or null (2026-02-30 does not). */
function realDay(day: string): number | null {
  if (!DATE.test(day)) return null;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day ? null : ms;
}

const dateParam = (side: 'from' | 'to', what: string) =>
  z
    .string()
    .max(40)
    .refine(
      (v) => dateBound(v, side) !== null,
      'must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T09:30:00Z)',
    )
    .optional()
    .describe(what);

/**
 * The question types an `answer` filter works on; the others (the tutor's kinds: pairwise,
 * ranking, rubric, steps, rewrite, turns, live) have structured answers no single value describes.
 */
export const ANSWER_FILTER_TYPES: readonly string[] = [
  'choice',
  'multi_choice',
  'spans',
  'text',
  'rating',
  'number',
];

export const ListItemsQuery = PageQuery.extend({
  cursor: z.string().max(2000).optional(),
  q: z
    .string()
    .max(SEARCH_QUERY_MAX_LENGTH)
    .refine(
      (v) => searchWords(v).length <= SEARCH_QUERY_MAX_WORDS,
      `must have at most ${SEARCH_QUERY_MAX_WORDS} words`,
    )
    .optional()
    .describe(
      `words to find in the item's text (every string of its data, and its externalId): every word must match, the last as a prefix (from ${SEARCH_PREFIX_MIN_LENGTH} characters); case, accents and punctuation are ignored; at most ${SEARCH_QUERY_MAX_WORDS} words, ${SEARCH_QUERY_MAX_LENGTH} characters`,
    ),
  status: ItemFilter.optional().describe(
    'only items in this state; `skipped`: items with at least one skip; `stranded`: items that cannot complete with the current members; `waiting`: not complete, held by nobody now, and not stranded (waiting in the queue)',
  ),
  annotator: Id.optional().describe('only items this user (by id) has an assignment on, in any state'),
  answer: pairs('QUESTION').describe(
    `QUESTION:VALUE, only items with a submitted answer to that question equal to VALUE (choice, rating, number); containing it (multi_choice: an option; text: the text, case-sensitive; spans: a span with that label). Repeat for all of several (at most ${ITEM_FILTER_MAX_REPEATS})`,
  ),
  meta: pairs('KEY').describe(
    `KEY:VALUE, only items whose meta KEY is VALUE (a string equal to it, a number equal to it, or true/false). Repeat for all of several (at most ${ITEM_FILTER_MAX_REPEATS})`,
  ),
  createdFrom: dateParam('from', 'only items imported at or after this date (a date: from its start, UTC)'),
  createdTo: dateParam('to', 'only items imported at or before this date (a date: to its end, UTC)'),
  submittedFrom: dateParam('from', 'only items with an annotation submitted at or after this date'),
  submittedTo: dateParam('to', 'only items with an annotation submitted at or before this date'),
  flagged: z
    .enum(['only'])
    .optional()
    .describe(
      '`only`: only items with a submitted annotation that has an integrity flag (managers and reviewers only)',
    ),
  review: ReviewStatus.optional().describe(
    "only items with an annotation in this review status (an annotator's list: their own annotations)",
  ),
  sort: ItemSort.default('id').describe(
    '`id`: import order; `priority`; `createdAt`; `submitted`: submitted annotations; `externalId`: by code point, items without one first; `disagreement` (managers and reviewers): the disagreement score, items without one last in `desc` (most disputed first). Ties go by id; the cursor follows the sort',
  ),
  order: z.enum(['asc', 'desc']).default('asc').describe('the direction of `sort`; the cursor follows it'),
  externalIdPrefix: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only items whose externalId starts with this text (case-sensitive)'),
  minDisagreement: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('only items whose disagreement score is at least this (managers and reviewers only)'),
});

export const ImportQuery = z.object({
  format: z.enum(['jsonl', 'csv']).optional().describe('default: from Content-Type'),
  skipInvalid: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('import the valid lines and report the invalid ones'),
});
export const ImportLineError = z.object({ line: z.number().int(), message: z.string() });
export const ImportResult = z
  .object({
    imported: z.number().int(),
    annotations: z.number().int(),
    predictions: z.number().int().describe('predictions (suggested answers) imported with the items'),
    invalid: z.number().int(),
    errors: z.array(ImportLineError).describe('the first 1000 invalid lines'),
  })
  .meta({ id: 'ImportResult' });

const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** An import's outcome as one sentence, for people (the CLI's stderr, the web's notice). */
export function importSummary(
  r: Pick<z.output<typeof ImportResult>, 'imported' | 'annotations' | 'invalid'> & { predictions?: number },
): string {
  let text = `${count(r.imported, 'item')} imported`;
  const extras = [
    ...(r.annotations > 0 ? [count(r.annotations, 'annotation')] : []),
    ...((r.predictions ?? 0) > 0 ? [count(r.predictions ?? 0, 'prediction')] : []),
  ];
  if (extras.length > 0) text += ` with ${extras.join(' and ')}`;
  if (r.invalid > 0) text += `; ${count(r.invalid, 'invalid line')} skipped`;
  else if (r.imported === 0) text += ': the file holds no items';
  return `${text}.`;
}

/** The most items one bulk action may name. */
export const MAX_BULK_ITEMS = 10_000;

const BulkIds = z
  .array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER))
  .min(1)
  .max(MAX_BULK_ITEMS)
  .refine((ids) => new Set(ids).size === ids.length, 'the ids must be distinct')
  .describe(`1 to ${MAX_BULK_ITEMS.toLocaleString('en')} distinct item ids, all of this project`);

/** One action on many items of a project, all or nothing (docs/data-model.md, "Bulk actions"). */
export const BulkItemAction = z
  .discriminatedUnion('action', [
    z
      .object({
        action: z.literal('priority').describe('set the priority of every item (higher comes first)'),
        ids: BulkIds,
        priority: z.number().int().min(MIN_PRIORITY).max(MAX_PRIORITY),
      })
      .strict(),
    z
      .object({
        action: z
          .literal('requeue')
          .describe('return to the queue: end live locks and return skips; drafts are kept'),
        ids: BulkIds,
      })
      .strict(),
    z
      .object({
        action: z
          .literal('delete')
          .describe('delete the items with their assignments, annotations and revisions'),
        ids: BulkIds,
      })
      .strict(),
  ])
  .meta({ id: 'BulkItemAction' });
export type BulkItemAction = z.infer<typeof BulkItemAction>;

export const BulkItemResult = z
  .object({
    action: z.enum(['priority', 'requeue', 'delete']),
    affected: z
      .number()
      .int()
      .describe('priority, delete: the items named; requeue: the items that had a lock or skip to return'),
    annotationsDeleted: z
      .number()
      .int()
      .optional()
      .describe('delete: the annotations (drafts and submissions) deleted with the items'),
  })
  .meta({ id: 'BulkItemResult' });

export { ExportQuery } from './export-filters.ts';
