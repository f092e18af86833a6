import { z } from 'zod';
import { distinctStrings, Identifier } from '../names.ts';
import { type QuestionKind, questionCommon } from './kind.ts';
import { checkSegments, SPEAKER_NAME } from './segments-check.ts';

const Need = z.enum(['none', 'optional', 'required']);
const Seconds = z.number().positive().max(1e6);

/**
 * Mark time regions of a recording or a video (docs/media.md, "Segments"). Answers are
 * `{start, end, label?, speaker?, text?}` in seconds, `end` exclusive: labelled regions, a
 * transcription per region, speaker turns (diarization), or all three. `mode: "transcript"` shows
 * the regions as a running transcript of the whole file, each line with its timestamps.
 */
export const SegmentsQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('segments'),
    ...questionCommon,
    field: Identifier,
    /** The labels a region takes; without them regions carry no label. */
    labels: distinctStrings('label', { maxItems: 200, maxLength: 200 }).optional(),
    allowOverlap: z.boolean().default(false),
    /** Shortest and longest region, in seconds. */
    minLength: Seconds.optional(),
    maxLength: Seconds.optional(),
    /** Whether each region has its text (a transcription). */
    text: Need.default('none'),
    /** Whether each region names who speaks. */
    speakers: Need.default('none'),
    /** The speakers to choose from; without them any name of letters, digits, `_`, `.`, `-`. */
    speakerNames: distinctStrings('speaker', { maxItems: 200, maxLength: 64 })
      .refine((names) => names.every((n) => SPEAKER_NAME.test(n)), {
        message: 'speaker names are 1-64 letters, digits, _, . or - (RTTM has no spaces)',
      })
      .optional(),
    mode: z.enum(['regions', 'transcript']).default('regions'),
  })
  .superRefine((q, ctx) => {
    if (q.minLength !== undefined && q.maxLength !== undefined && q.maxLength < q.minLength)
      ctx.addIssue({
        code: 'custom',
        path: ['maxLength'],
        message: `must be at least minLength (${q.minLength})`,
      });
    if (q.mode === 'transcript' && q.text === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: 'a transcript needs text: set text to "required" or "optional"',
      });
    if (q.speakerNames !== undefined && q.speakers === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['speakerNames'],
        message: 'speakerNames needs speakers "optional" or "required"',
      });
    if (q.labels === undefined && q.text === 'none' && q.speakers === 'none')
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: 'a segments question needs labels, text or speakers',
      });
  })
  .meta({ id: 'SegmentsQuestion' });
export type SegmentsQuestion = z.output<typeof SegmentsQuestion>;

export const segments: QuestionKind<typeof SegmentsQuestion> = {
  type: 'segments',
  config: SegmentsQuestion,
  validate: (answer, question, ctx) =>
    checkSegments(answer, question, ctx.partial, ctx.media?.[question.field]?.durationSeconds ?? null),
  isBlank: (answer) => Array.isArray(answer) && answer.length === 0,
  fieldRefs: (question) => [{ key: 'field', name: question.field, types: ['audio', 'video'] }],
};
