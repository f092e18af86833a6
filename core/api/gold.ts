import { z } from 'zod';
import { Identifier } from '../interface/names.ts';
import { Id, IsoTime } from './common.ts';

/** How one question is scored against gold (core/quality/gold-score.ts, docs/quality-gold.md). */
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
});

/** The quality bar: below `minAccuracy` once `after` gold items are scored, the annotator is paused. */
export const GoldBar = z.strictObject({
  minAccuracy: z.number().min(0).max(1),
  after: z.int().min(1).max(100_000),
});

/** A project's gold settings (docs/quality-gold.md). */
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
export const GoldIsoTime = IsoTime;
