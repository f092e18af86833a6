import { z } from 'zod';
import { shellQuote } from '../command-line.ts';
import { CONSENSUS_METHODS, type ConsensusMethod } from '../quality/consensus/index.ts';
import { CONSENSUS_FORMATS, EXPORT_FORMATS, type ExportFormat, PAIR_FORMATS } from './export-formats.ts';
import { Email } from './users.ts';

/**
 * The export's filters as query parameters (docs/data-model.md, "Export filters"). Their names are
 * a contract: the CLI's flags, the web's export tab and the item browser's "export the
 * selection" all write them.
 */

/** The most item ids one export may name (`ids`). */
export const MAX_EXPORT_IDS = 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Epoch milliseconds of an ISO 8601 date (`2026-12-01`, a whole UTC day) or date-time with an
 * offset (`2026-12-01T09:30:00Z`, `…+01:00`); undefined if the text is neither or names no real
 * day or time. A date gives the start of its day, or with `endOfDay` the start of the next one.
 */
export function parseExportTime(text: string, endOfDay: boolean): number | undefined {
  const date = DATE.exec(text);
  if (date) {
    const ms = utc(Number(date[1]), Number(date[2]), Number(date[3]), 0, 0, 0);
    return ms === undefined ? undefined : ms + (endOfDay ? DAY_MS : 0);
  }
  const t = DATE_TIME.exec(text);
  if (!t) return undefined;
  const ms = utc(Number(t[1]), Number(t[2]), Number(t[3]), Number(t[4]), Number(t[5]), Number(t[6] ?? 0));
  if (ms === undefined) return undefined;
  const fraction = t[7] ? Math.round(Number(t[7]) * 1000) : 0;
  const zone = t[8]!;
  if (zone === 'Z') return ms + fraction;
  const [hours, minutes] = zone.slice(1).split(':').map(Number) as [number, number];
  if (hours > 23 || minutes > 59) return undefined;
  const offset = (hours * 60 + minutes) * 60_000;
  return ms + fraction - (zone.startsWith('+') ? offset : -offset);
}

/** Date.UTC of the parts, or undefined when a part is out of its range (Feb 30, 24:00). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number | undefined {
  if (h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(ms);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d
    ? ms
    : undefined;
}

const exportTime = (endOfDay: boolean) =>
  z
    .string()
    .max(40)
    .transform((text, ctx) => {
      const ms = parseExportTime(text, endOfDay);
      if (ms !== undefined) return ms;
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not an ISO 8601 date (2026-12-01) or date-time with an offset (2026-12-01T09:30:00Z)`,
      });
      return z.NEVER;
    });

/** `ids`: item ids separated by commas, returned sorted and without repeats. */
const itemIds = z
  .string()
  .max(MAX_EXPORT_IDS * 17)
  .transform((text, ctx) => {
    const words = text.split(',').map((w) => w.trim());
    const bad = words.find((w) => !/^[1-9]\d{0,15}$/.test(w) || Number(w) > Number.MAX_SAFE_INTEGER);
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: bad === '' ? 'an empty id in the list' : `"${bad.slice(0, 40)}" is not an item id`,
      });
      return z.NEVER;
    }
    const ids = [...new Set(words.map(Number))].sort((a, b) => a - b);
    if (ids.length > MAX_EXPORT_IDS) {
      ctx.addIssue({
        code: 'custom',
        message: `at most ${MAX_EXPORT_IDS.toLocaleString('en')} item ids, got ${ids.length.toLocaleString('en')}`,
      });
      return z.NEVER;
    }
    return ids;
  });

/** `threshold`: a number from 0 to 1, written as a decimal (`0.5`, `1`, `.75`). */
const threshold = z
  .string()
  .max(20)
  .transform((text, ctx) => {
    const n = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN;
    if (n >= 0 && n <= 1) return n;
    ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 20)}" is not a number from 0 to 1` });
    return z.NEVER;
  });

export const ExportQuery = z
  .object({
    format: z
      .enum(EXPORT_FORMATS)
      .default('jsonl')
      .describe('the file format (docs/exports.md); all but jsonl and csv take submitted annotations only'),
    pairs: z
      .enum(['all', 'adjacent'])
      .optional()
      .describe(
        'preference formats: from a ranking, every ordered pair across tiers (`all`, the default) or neighbouring tiers only (`adjacent`)',
      ),
    threshold: threshold
      .optional()
      .describe('kto: the normalised score (0 to 1, default 0.5) from which an example is labelled true'),
    submitted: z
      .enum(['only'])
      .optional()
      .describe('`only`: submitted annotations only, drafts left out (default: drafts too)'),
    complete: z
      .enum(['only'])
      .optional()
      .describe("`only`: only items that reached the project's overlap (as many submissions as overlap)"),
    from: exportTime(false)
      .optional()
      .describe(
        'only items with an annotation submitted at or after this time, carrying only the annotations submitted in the range; an ISO 8601 date (a UTC day) or date-time with an offset',
      ),
    to: exportTime(true)
      .optional()
      .describe(
        'as `from`, submitted before this time; a date includes its whole UTC day (`from=2026-12-01&to=2026-12-07` is seven days)',
      ),
    ids: itemIds
      .optional()
      .describe(
        `only these items: ids separated by commas, at most ${MAX_EXPORT_IDS}; an id that is not an item of the project is refused`,
      ),
    annotator: Email.optional().describe(
      "only this annotator's work, by email: their annotations (and skips), on the items they annotated; a suspended or offboarded user's too (docs/users.md)",
    ),
    includeModels: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe(
        "the training formats (sft, preference, preference-chat, openai-preference, kto, grades): `true` takes model judges' annotations too (docs/judge.md); by default only people's. jsonl and csv carry every annotation (jsonl marks each with `annotatorKind`)",
      ),
    nemoPer: z
      .enum(['segment', 'file'])
      .optional()
      .describe(
        'nemo: a manifest line per segment with text (`segment`, the default, with its `offset`) or per media file, its texts joined in time order (`file`)',
      ),
    consensus: z
      .enum(CONSENSUS_METHODS, {
        error: (iss) =>
          `${JSON.stringify(iss.input)?.slice(0, 40)} is not a consensus method; expected one of ${CONSENSUS_METHODS.join(', ')}`,
      })
      .optional()
      .describe(
        'jsonl: adds to each line `consensus`, per question its `{answer, confidence}` over the submitted annotations of people (docs/quality.md, "Consensus"): majority, weighted, dawid-skene for choice, multi-choice and rating questions; pairwise and ranking questions always take bradley-terry. sft, preference, preference-chat, openai-preference: one example per item and question from its agreed answer (adjudicated, gold, the consensus, or unanimous) instead of one per annotator (docs/exports.md, "From the consensus")',
      ),
  })
  .superRefine((q, ctx) => {
    if (q.consensus !== undefined && !CONSENSUS_FORMATS.includes(q.format))
      ctx.addIssue({
        code: 'custom',
        path: ['consensus'],
        message: `applies to the formats ${CONSENSUS_FORMATS.join(', ')}, not ${q.format}`,
      });
    if (q.consensus !== undefined && q.includeModels === true)
      ctx.addIssue({
        code: 'custom',
        path: ['includeModels'],
        message:
          "does not apply with consensus: the project's judgeInConsensus setting says whether model judges' answers count",
      });
    if (q.from !== undefined && q.to !== undefined && q.to <= q.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be later than from' });
    if (q.pairs !== undefined && !PAIR_FORMATS.includes(q.format))
      ctx.addIssue({
        code: 'custom',
        path: ['pairs'],
        message: `applies to the formats ${PAIR_FORMATS.join(', ')}, not ${q.format}`,
      });
    if (q.nemoPer !== undefined && q.format !== 'nemo')
      ctx.addIssue({
        code: 'custom',
        path: ['nemoPer'],
        message: `applies to the format nemo, not ${q.format}`,
      });
    if (q.threshold !== undefined && q.format !== 'kto')
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: `applies to the format kto, not ${q.format}`,
      });
  });
export type ExportFilters = z.output<typeof ExportQuery>;

/** The filters a person picks (web, item browser), as the query the route takes. */
export interface ExportChoice {
  /** Absent: jsonl. */
  format?: ExportFormat;
  pairs?: 'all' | 'adjacent';
  threshold?: number;
  submittedOnly?: boolean;
  completeOnly?: boolean;
  from?: string;
  to?: string;
  ids?: readonly number[];
  /** Only this annotator's work, by email. */
  annotator?: string;
  /** The training formats: take model judges' annotations too. */
  includeModels?: boolean;
  /** jsonl: add each item's consensus by this method; sft and the preference formats: made from it. */
  consensus?: ConsensusMethod;
  /** nemo: a line per segment (absent) or per file. */
  nemoPer?: 'segment' | 'file';
}

const takesConsensus = (c: ExportChoice): c is ExportChoice & { consensus: ConsensusMethod } =>
  c.consensus !== undefined && CONSENSUS_FORMATS.includes(c.format ?? 'jsonl');

export function exportQueryOf(c: ExportChoice): z.input<typeof ExportQuery> {
  return {
    format: c.format ?? 'jsonl',
    ...(c.pairs !== undefined && c.format !== undefined && PAIR_FORMATS.includes(c.format)
      ? { pairs: c.pairs }
      : {}),
    ...(c.threshold !== undefined && c.format === 'kto' ? { threshold: String(c.threshold) } : {}),
    ...(c.submittedOnly ? { submitted: 'only' as const } : {}),
    ...(c.completeOnly ? { complete: 'only' as const } : {}),
    ...(c.from ? { from: c.from } : {}),
    ...(c.to ? { to: c.to } : {}),
    ...(c.ids && c.ids.length > 0 ? { ids: c.ids.join(',') } : {}),
    ...(c.annotator ? { annotator: c.annotator } : {}),
    ...(c.includeModels && !takesConsensus(c) ? { includeModels: 'true' as const } : {}),
    ...(takesConsensus(c) ? { consensus: c.consensus } : {}),
    ...(c.nemoPer !== undefined && c.format === 'nemo' ? { nemoPer: c.nemoPer } : {}),
  };
}

/** The same export as a `verity export` command line (its flags mirror the parameters). */
export function exportCommandArgs(projectId: number, c: ExportChoice): string {
  const words = ['export', '--project', String(projectId)];
  if (c.format && c.format !== 'jsonl') words.push('--format', c.format);
  if (c.pairs !== undefined && c.format !== undefined && PAIR_FORMATS.includes(c.format))
    words.push('--pairs', c.pairs);
  if (c.threshold !== undefined && c.format === 'kto') words.push('--threshold', String(c.threshold));
  if (c.submittedOnly) words.push('--submitted-only');
  if (c.completeOnly) words.push('--complete-only');
  if (c.from) words.push('--from', shellQuote(c.from));
  if (c.to) words.push('--to', shellQuote(c.to));
  if (c.ids && c.ids.length > 0) words.push('--ids', c.ids.join(','));
  if (c.annotator) words.push('--annotator', shellQuote(c.annotator));
  if (c.includeModels && !takesConsensus(c)) words.push('--include-models');
  if (takesConsensus(c)) words.push('--consensus', c.consensus);
  if (c.nemoPer !== undefined && c.format === 'nemo') words.push('--nemo-per', c.nemoPer);
  return words.join(' ');
}
