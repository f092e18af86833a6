import { z } from 'zod';
import { Identifier } from '../interface/index.ts';
import { Id, IsoTime } from './common.ts';

/** How one question is scored against gold (core/quality/gold-score.ts, docs/quality.md). */
export const GoldQuestionSetting = z.strictObject({
  tolerance: z
    .number()
    .min(0)
    .optional()
    .describe(
      'numbers, ratings, rubric scales: an answer this close to gold counts; default exact (numbers: relative 1e-9)',
    ),
  spanMatch: z
    .enum(['exact', 'overlap'])
    .optional()
    .describe('spans: which F1 is the score; default overlap'),
  iou: z
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe('segments and tracks: the IoU a segment or box needs to match gold; default 0.5'),
});

/** The quality bar: below `minAccuracy` once `after` gold items are scored, the annotator is paused. */
export const GoldBar = z.strictObject({
  minAccuracy: z.number().min(0).max(1),
  after: z.int().min(1).max(100_000),
});

/** A project's gold settings (docs/quality.md). */
export const GoldSettings = z
  .strictObject({
    warmup: z.int().min(0).max(1000).default(0).describe("the first N items of an annotator's work are gold"),
    rate: z.number().min(0).max(1).default(0).describe('then gold at this rate: 0.1 is one item in ten'),
    bar: GoldBar.nullable().default(null).describe('the quality bar; null: nobody is paused'),
    questions: z.record(Identifier, GoldQuestionSetting).default({}),
  })
  .meta({ id: 'GoldSettings' });
export type GoldSettings = z.output<typeof GoldSettings>;

export const GOLD_DEFAULTS: GoldSettings = { warmup: 0, rate: 0, bar: null, questions: {} };

export const GoldPauseParams = z.object({ projectId: Id, userId: Id });

/** An accuracy with its count and 95 % Wilson interval (successes: the sum of the scores). */
export const GoldAccuracy = z.object({
  n: z.int().describe('scored answers'),
  accuracy: z.number().nullable().describe('mean score; null when nothing is scored'),
  interval: z.object({ low: z.number(), high: z.number() }),
});

/** A pause of an annotator on a project by the quality bar. */
export const GoldPause = z
  .object({
    userId: z.int(),
    annotator: z.string(),
    rule: z.string(),
    accuracy: z.number().describe('the accuracy that paused them'),
    scored: z.int().describe('scored gold items when paused'),
    pausedAt: IsoTime,
    liftedBy: z.string().nullable(),
    liftedAt: IsoTime.nullable(),
  })
  .meta({ id: 'GoldPause' });

/** One annotator's gold accuracy on a project. */
export const GoldAnnotator = z.object({
  userId: z.int(),
  annotator: z.string().describe('email, or name for accounts without one'),
  kind: z.enum(['human', 'model']),
  items: z.int().describe('gold items submitted'),
  overall: GoldAccuracy,
  questions: z.record(z.string(), GoldAccuracy),
  awaitingMarks: z.int().describe('free-text answers waiting for a reviewer mark'),
  paused: GoldPause.nullable(),
});

/** An answer to a gold item that waits for a reviewer's mark. */
export const GoldMarkDue = z.object({
  itemId: z.int(),
  userId: z.int(),
  annotator: z.string(),
  question: z.string(),
  answer: z.unknown(),
  gold: z.unknown(),
});

export const GoldReport = z
  .object({
    settings: GoldSettings,
    goldItems: z.int(),
    annotators: z.array(GoldAnnotator),
    pauses: z.array(GoldPause).describe('every pause, newest first'),
    awaitingMarks: z.array(GoldMarkDue),
  })
  .meta({ id: 'GoldReport' });

export const GoldReportQuery = z.object({
  includeModels: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('also list model judges, marked kind "model"'),
});

export const GoldMarkBody = z
  .strictObject({
    itemId: Id,
    userId: Id,
    question: Identifier,
    score: z.number().min(0).max(1).describe('the mark: 1 correct, 0 wrong, or a part'),
  })
  .meta({ id: 'GoldMarkBody' });
export const GoldMarkResult = z.object({ marked: z.literal(true) });
