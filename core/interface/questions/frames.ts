import { z } from 'zod';
import { frameCount, parseFrameRate } from '../../media/frame-rate.ts';
import { describeValue, isPlainObject, listForMessage } from '../field-error.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { type AnswerIssue, type QuestionKind, questionCommon } from './kind.ts';

/** One classified frame of a video; frames count from 0. */
export interface FrameLabel {
  frame: number;
  label: string;
}

export const FRAME_LIMITS = { maxFrames: 100_000 } as const;

/**
 * Classify a video's frames (docs/media.md, "Frames"). Answers are `{frame, label}` by exact frame
 * number. In `keyframes` mode (the default) a label holds from its frame until the next labelled
 * frame, or the end of the video; in `frames` mode it is about that frame only.
 */
export const FramesQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('frames'),
    ...questionCommon,
    field: Identifier,
    labels: distinctStrings('label', { maxItems: 200, maxLength: 200 }),
    mode: z.enum(['keyframes', 'frames']).default('keyframes'),
  })
  .meta({ id: 'FramesQuestion' });
export type FramesQuestion = z.output<typeof FramesQuestion>;

export const frames: QuestionKind<typeof FramesQuestion> = {
  type: 'frames',
  config: FramesQuestion,
  validate(answer, question, ctx) {
    if (!Array.isArray(answer))
      return {
        ok: false,
        issues: [{ message: `expected an array of {frame, label}, got ${describeValue(answer)}` }],
      };
    if (answer.length > FRAME_LIMITS.maxFrames)
      return {
        ok: false,
        issues: [{ message: `${answer.length} frames; at most ${FRAME_LIMITS.maxFrames} are allowed` }],
      };
    const facts = ctx.media?.[question.field];
    const rate = parseFrameRate(facts?.frameRate);
    const count = rate && facts?.durationSeconds ? frameCount(facts.durationSeconds, rate) : null;
    const issues: AnswerIssue[] = [];
    const seen = new Map<number, number>();
    const out: FrameLabel[] = [];
    answer.forEach((raw: unknown, index) => {
      const at = `[${index}]`;
      if (!isPlainObject(raw)) {
        issues.push({ at, message: `expected {frame, label}, got ${describeValue(raw)}` });
        return;
      }
      for (const k of Object.keys(raw))
        if (k !== 'frame' && k !== 'label')
          issues.push({
            at: `${at}.${k}`,
            message: 'unknown property; a labelled frame has frame and label',
          });
      const { frame, label } = raw;
      const problem = frameProblem(frame, count);
      if (problem) issues.push({ at: `${at}.frame`, message: problem });
      if (typeof label !== 'string' || !question.labels.includes(label))
        issues.push({
          at: `${at}.label`,
          message: `${describeValue(label)} is not one of the labels ${listForMessage(question.labels)}`,
        });
      if (problem || typeof label !== 'string') return;
      const f = frame as number;
      const first = seen.get(f);
      if (first !== undefined)
        issues.push({
          at: `${at}.frame`,
          message: `frame ${f} is labelled twice (also ${question.name}[${first}])`,
        });
      else seen.set(f, index);
      out.push({ frame: f, label });
    });
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, value: out.sort((a, b) => a.frame - b.frame) };
  },
  isBlank: (answer) => Array.isArray(answer) && answer.length === 0,
  fieldRefs: (question) => [{ key: 'field', name: question.field, types: ['video'] }],
};

/** What is wrong with a frame number, given the video's frame count when known. */
export function frameProblem(frame: unknown, count: number | null): string | undefined {
  if (typeof frame !== 'number' || !Number.isInteger(frame) || frame < 0 || frame > 1e8)
    return `expected a frame number (a whole number from 0), got ${describeValue(frame)}`;
  if (count !== null && frame >= count) return `frame ${frame} is past the last frame (${count - 1})`;
  return undefined;
}
