import { z } from 'zod';
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
}).meta({ id: 'ItemSummary' });
/** What the item list filters on: a status, or items someone skipped, or stranded items. */
export const ItemFilter = z.enum([...ItemStatus.options, 'skipped', 'stranded']);

export const ItemParams = z.object({ itemId: Id });

export const ListItemsQuery = PageQuery.extend({
  status: ItemFilter.optional().describe(
    'only items in this state; `skipped`: items with at least one skip; `stranded`: items that cannot complete with the current members',
  ),
  order: z.enum(['asc', 'desc']).default('asc').describe('import order; the cursor follows it'),
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

export { ExportQuery } from './export-filters.ts';
