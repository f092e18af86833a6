import { z } from 'zod';
import { MAX_PRIORITY, MIN_PRIORITY } from '../codecs/item-input.ts';
import { Id, IsoTime, PageQuery } from './common.ts';

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

export const ItemStatus = z.enum(['open', 'in_progress', 'complete']);
export const ItemSummary = Item.extend({
  status: ItemStatus,
  submitted: z.number().int(),
  annotators: z.array(z.string()),
  skipped: z.number().int().describe('skips recorded on the item'),
  stranded: z
    .boolean()
    .describe('cannot complete with the current members (docs/data-model.md, "Stranded items")'),
  preview: z.string().optional().describe("the start of the item's text as plain text"),
}).meta({ id: 'ItemSummary' });
/** What the item list filters on: a status, items someone skipped, stranded or waiting items. */
export const ItemFilter = z.enum([...ItemStatus.options, 'skipped', 'stranded', 'waiting']);
/** The item list's sorts; ties go by id. */
export const ItemSort = z.enum(['id', 'priority', 'createdAt', 'submitted', 'externalId']);

/** A `NAME:VALUE` filter that may repeat: one value or several, an array once parsed. */
const pairs = (what: string) => {
  const one = z
    .string()
    .max(300)
    .regex(/^[^:]+:/, `must be ${what}:VALUE`);
  return z
    .union([one, z.array(one).max(10)])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional();
};
const isoDate = z.string().max(40).optional();

export const ItemParams = z.object({ itemId: Id });

export const ListItemsQuery = PageQuery.extend({
  q: z.string().max(1000).optional().describe("words to find in the item's text"),
  status: ItemFilter.optional().describe(
    'only items in this state; `skipped`: items with at least one skip; `stranded`: items that cannot complete with the current members; `waiting`: waiting in the queue',
  ),
  annotator: Id.optional().describe('only items this user has an assignment on'),
  answer: pairs('QUESTION').describe('QUESTION:VALUE, only items with that submitted answer; repeatable'),
  meta: pairs('KEY').describe('KEY:VALUE, only items whose meta KEY is VALUE; repeatable'),
  createdFrom: isoDate.describe('only items imported at or after this ISO date'),
  createdTo: isoDate.describe('only items imported at or before this ISO date'),
  submittedFrom: isoDate.describe('only items with an annotation submitted at or after this ISO date'),
  submittedTo: isoDate.describe('only items with an annotation submitted at or before this ISO date'),
  sort: ItemSort.default('id').describe('ties go by id; the cursor follows the sort'),
  order: z.enum(['asc', 'desc']).default('asc').describe('the direction of `sort`; the cursor follows it'),
  externalIdPrefix: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('only items whose externalId starts with this text (case-sensitive)'),
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
    invalid: z.number().int(),
    errors: z.array(ImportLineError).describe('the first 1000 invalid lines'),
  })
  .meta({ id: 'ImportResult' });

const count = (n: number, one: string) => `${n.toLocaleString('en')} ${one}${n === 1 ? '' : 's'}`;

/** An import's outcome as one sentence, for people (the CLI's stderr, the web's notice). */
export function importSummary(
  r: Pick<z.output<typeof ImportResult>, 'imported' | 'annotations' | 'invalid'>,
): string {
  let text = `${count(r.imported, 'item')} imported`;
  if (r.annotations > 0) text += ` with ${count(r.annotations, 'annotation')}`;
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
