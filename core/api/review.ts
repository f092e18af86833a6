import { z } from 'zod';
import { REVIEW_MODES, REVIEW_STATUSES } from '../review.ts';
import { Id, IsoTime } from './common.ts';

/** Which submissions of a project enter review (docs/quality.md). */
export const ReviewSetting = z
  .object({
    mode: z
      .enum(REVIEW_MODES)
      .describe(
        "none: no review; sample: `percent` % of each annotator's submissions; all: every submission",
      ),
    percent: z
      .number()
      .int()
      .min(1)
      .max(100)
      .nullable()
      .optional()
      .describe('the share sampled per annotator in mode `sample`'),
  })
  .refine((s) => s.mode !== 'sample' || (s.percent ?? null) !== null, {
    message: 'mode "sample" needs a percent',
    path: ['percent'],
  })
  .meta({ id: 'ReviewSetting' });
export type ReviewSetting = z.infer<typeof ReviewSetting>;

export const ReviewStatus = z
  .enum(REVIEW_STATUSES)
  .describe('reworked: resubmitted after a rejection, awaiting review again');

/** One decision on an annotation. */
export const ReviewDecisionRecord = z
  .object({
    outcome: z.enum(['accepted', 'rejected', 'fixed']),
    comment: z.string().nullable(),
    reviewer: z.string().describe("the reviewer's email, or name"),
    revision: z.number().int().describe('the revision of the annotation the decision was made on'),
    createdAt: IsoTime,
  })
  .meta({ id: 'ReviewDecisionRecord' });

/** An annotation's review as its annotator (and its project's viewers) see it. */
export const ReviewFeedback = z
  .object({
    status: ReviewStatus,
    comment: z.string().nullable().describe("the latest reviewer's comment; always set after a rejection"),
    reviewedAt: IsoTime.nullable(),
    fixedFrom: z
      .record(z.string(), z.unknown())
      .nullable()
      .describe(
        "after a fix: the annotator's answers the reviewer's replaced (the annotation holds the fix)",
      ),
  })
  .meta({ id: 'ReviewFeedback' });

export const ReviewParams = z.object({ projectId: Id, annotationId: Id });
const Revision = z
  .number()
  .int()
  .min(1)
  .describe('the annotation revision the decision is made on; a newer one answers CONFLICT');
const Comment = z.string().trim().max(5000);

export const AcceptBody = z.object({ revision: Revision, comment: Comment.optional() });
export const RejectBody = z.object({
  revision: Revision,
  comment: Comment.min(1).describe('what to change; shown to the annotator beside the item'),
});
export const FixBody = z.object({
  revision: Revision,
  answers: z.record(z.string(), z.unknown()).describe('the corrected answers, checked as a submit is'),
  comment: Comment.optional(),
});
