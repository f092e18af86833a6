import { z } from 'zod';
import { frameCount, parseFrameRate } from '../../media/frame-rate.ts';
import { describeValue, isPlainObject } from '../field-error.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { frameProblem } from './frames.ts';
import { type AnswerIssue, type QuestionKind, questionCommon } from './kind.ts';
import { checkTrack, TRACK_LIMITS, type TrackAnswer } from './tracks-check.ts';

export { TRACK_LIMITS };

/**
 * Follow objects through a video with boxes (docs/media.md, "Tracks"). An answer is a list of
 * tracks `{id, label, keyframes: [{frame, x, y, width, height} | {frame, outside: true}]}` in the
 * video's pixels. Between two keyframes the box moves linearly (track-boxes.ts); an `outside`
 * keyframe ends the track there, and the next keyframe resumes it.
 */
export const TracksQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('tracks'),
    ...questionCommon,
    field: Identifier,
    labels: distinctStrings('label', { maxItems: 200, maxLength: 200 }),
    maxTracks: z.int().min(1).max(TRACK_LIMITS.maxTracks).default(200),
  })
  .meta({ id: 'TracksQuestion' });
export type TracksQuestion = z.output<typeof TracksQuestion>;

export const tracks: QuestionKind<typeof TracksQuestion> = {
  type: 'tracks',
  config: TracksQuestion,
  validate(answer, question, ctx) {
    if (!Array.isArray(answer))
      return {
        ok: false,
        issues: [{ message: `expected an array of tracks, got ${describeValue(answer)}` }],
      };
    if (answer.length > question.maxTracks)
      return {
        ok: false,
        issues: [{ message: `${answer.length} tracks; at most ${question.maxTracks} are allowed` }],
      };
    const facts = ctx.media?.[question.field];
    const rate = parseFrameRate(facts?.frameRate);
    const picture = {
      count: rate && facts?.durationSeconds ? frameCount(facts.durationSeconds, rate) : null,
      width: facts?.width ?? null,
      height: facts?.height ?? null,
    };
    const issues: AnswerIssue[] = [];
    const ids = new Map<string, number>();
    const out: TrackAnswer[] = [];
    answer.forEach((raw: unknown, index) => {
      const at = `[${index}]`;
      if (!isPlainObject(raw)) {
        issues.push({ at, message: `expected a track {id, label, keyframes}, got ${describeValue(raw)}` });
        return;
      }
      const found = checkTrack(raw, at, question.labels, picture, (f) => frameProblem(f, picture.count));
      if (Array.isArray(found)) {
        issues.push(...found);
        return;
      }
      const first = ids.get(found.id);
      if (first !== undefined)
        issues.push({
          at: `${at}.id`,
          message: `track id "${found.id}" is used twice (also ${question.name}[${first}])`,
        });
      else ids.set(found.id, index);
      out.push(found);
    });
    return issues.length > 0 ? { ok: false, issues } : { ok: true, value: out };
  },
  isBlank: (answer) => Array.isArray(answer) && answer.length === 0,
  fieldRefs: (question) => [{ key: 'field', name: question.field, types: ['video'] }],
};
