import { z } from 'zod';
import { IsoTime } from './common.ts';
import { AnnotatorKind } from './judges.ts';

/** `includeModels=true`: count model judges' annotations too (docs/judge.md); default: people's only. */
export const StatsQuery = z.object({
  includeModels: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe("`true`: model judges' annotations count too (marked `kind: model`); default: people's only"),
});

/** One person's work in a project (docs/data-model.md, "Progress per person"). */
export const AnnotatorStats = z
  .object({
    userId: z.number().int(),
    name: z.string(),
    email: z.string().nullable(),
    kind: AnnotatorKind,
    /** Submitted annotations. */
    submitted: z.number().int(),
    /** Skipped assignments. */
    skipped: z.number().int(),
    /** The sum of the person's annotations' lead times (drafts included), in milliseconds. */
    activeMs: z.number().int(),
    /** The median lead time of their submitted annotations, in milliseconds; null before the first. */
    medianMs: z.number().nullable(),
    /** The latest change to one of their assignments or annotations; null if they have done nothing. */
    lastActiveAt: IsoTime.nullable(),
  })
  .meta({ id: 'AnnotatorStats' });
export type AnnotatorStats = z.infer<typeof AnnotatorStats>;

/** One bar of a distribution: an option, a rating, a number range, a span label, answered or empty. */
export const DistributionBucket = z
  .object({
    value: z.union([z.string(), z.number()]),
    label: z.string(),
    count: z.number().int(),
  })
  .meta({ id: 'DistributionBucket' });

/** How the submitted answers to one question are spread. */
export const Distribution = z
  .object({
    question: z.string(),
    /** The question's label, if it has one. */
    label: z.string().nullable(),
    type: z.string(),
    /** Submitted annotations that answer the question. */
    answered: z.number().int(),
    buckets: z.array(DistributionBucket),
  })
  .meta({ id: 'Distribution' });
export type Distribution = z.infer<typeof Distribution>;

/** Work left after a moment: the items' targets − submissions made by then. */
export const BurndownPoint = z
  .object({ at: IsoTime, remaining: z.number().int() })
  .meta({ id: 'BurndownPoint' });
export type BurndownPoint = z.infer<typeof BurndownPoint>;

/**
 * How an agent's suggestions fared in submitted work (docs/suggestions.md): per question, and in
 * total (question null), how many suggested answers were submitted unchanged or changed.
 */
export const SuggestionAcceptance = z
  .object({
    agent: z.string(),
    question: z.string().nullable().describe("the question; null for the agent's total over all questions"),
    shown: z.number().int().describe('suggested answers in submitted annotations made with this suggestion'),
    accepted: z.number().int().describe('submitted unchanged'),
    changed: z.number().int().describe('submitted with another answer, or none'),
    rate: z.number().nullable().describe('accepted / shown; null when nothing was shown'),
  })
  .meta({ id: 'SuggestionAcceptance' });
export type SuggestionAcceptance = z.infer<typeof SuggestionAcceptance>;

export const ProjectStats = z
  .object({
    annotators: z.array(AnnotatorStats),
    distributions: z.array(Distribution),
    burndown: z.array(BurndownPoint),
    suggestions: z
      .array(SuggestionAcceptance)
      .describe('per agent: its total row, then one per question; agents by name'),
  })
  .meta({ id: 'ProjectStats' });
export type ProjectStats = z.infer<typeof ProjectStats>;
