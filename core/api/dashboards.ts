import { z } from 'zod';
import { GoldAccuracy } from './gold.ts';

export { MetricsQuery as DashboardsQuery } from './quality.ts';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('a UTC day, YYYY-MM-DD');

/** One question's main agreement coefficient per day (items bucketed by their latest submission). */
export const AgreementSeries = z
  .object({
    question: z.string(),
    type: z.string(),
    coefficient: z.string().describe('which coefficient, e.g. "alpha nominal", "span F1 overlap"'),
    points: z.array(
      z.object({
        day: Day,
        items: z.int().describe('items whose latest submitted annotation fell on this day'),
        value: z.number().nullable().describe('the coefficient over those items only; null when undefined'),
      }),
    ),
  })
  .meta({ id: 'AgreementSeries' });

/** One annotator's gold accuracy and throughput: a point of the scatter. */
export const AnnotatorThroughput = z
  .object({
    annotator: z.string().describe('email, or name for accounts without one'),
    kind: z.enum(['human', 'model']),
    submitted: z.int(),
    activeDays: z.int().describe('UTC days with at least one submission'),
    perActiveDay: z.number().nullable().describe('submissions per active day'),
    activeHours: z.number().describe('summed lead times of the submissions, in hours'),
    perHour: z.number().nullable().describe('submissions per hour of lead time; null without lead time'),
    gold: GoldAccuracy,
  })
  .meta({ id: 'AnnotatorThroughput' });

/** Per annotator of a choice or rating question: reference label × their label. */
export const ConfusionMatrix = z
  .object({
    question: z.string(),
    type: z.string(),
    labels: z.array(z.string()).describe('the options, or the rating scale from its minimum'),
    annotators: z.array(
      z.object({
        annotator: z.string(),
        kind: z.enum(['human', 'model']),
        consensus: z
          .int()
          .describe('answers compared with the majority vote (items with two or more answers)'),
        gold: z.int().describe('answers compared with the gold answer (gold items)'),
        counts: z
          .array(z.array(z.int()))
          .describe('counts[reference][answer]: rows the reference label, columns the annotator’s'),
      }),
    ),
  })
  .meta({ id: 'ConfusionMatrix' });

export const ReviewDay = z
  .object({
    day: Day,
    accepted: z.int(),
    rejected: z.int(),
    fixed: z.int(),
    reworked: z.int().describe('rejected annotations their annotator resubmitted on this day'),
  })
  .meta({ id: 'ReviewDay' });

export const BurndownDay = z
  .object({
    day: Day,
    submitted: z.int().describe("people's submissions up to the end of this day"),
    remaining: z.int().describe('target slots (each item’s target) not yet submitted at the end of this day'),
  })
  .meta({ id: 'BurndownDay' });

/** A project's quality dashboards: aggregates only, never an answer (docs/quality.md, Dashboards). */
export const Dashboards = z
  .object({
    agreement: z.array(AgreementSeries),
    annotators: z.array(AnnotatorThroughput),
    confusion: z.array(ConfusionMatrix),
    review: z.array(ReviewDay),
    burndown: z.object({ target: z.int(), days: z.array(BurndownDay) }),
  })
  .meta({ id: 'Dashboards' });
export type Dashboards = z.infer<typeof Dashboards>;
