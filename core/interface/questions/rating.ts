import { z } from 'zod';
import { describeValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { accept, type QuestionKind, questionCommon, reject } from './kind.ts';

/** A whole number on a scale from `min` to `max` (a Likert scale). */
export const RatingQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('rating'),
    ...questionCommon,
    min: z.int().default(1),
    max: z.int().default(5),
  })
  .superRefine((q, ctx) => {
    if (q.min >= q.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be greater than min (${q.min})` });
    }
  })
  .meta({ id: 'RatingQuestion' });
export type RatingQuestion = z.output<typeof RatingQuestion>;

export const rating: QuestionKind<typeof RatingQuestion> = {
  type: 'rating',
  config: RatingQuestion,
  validate(answer, { min, max }) {
    if (typeof answer !== 'number') {
      return reject(`expected a whole number from ${min} to ${max}, got ${describeValue(answer)}`);
    }
    if (!Number.isInteger(answer)) return reject(`${answer} is not a whole number`);
    if (answer < min) return reject(`${answer} is below the minimum ${min}`);
    if (answer > max) return reject(`${answer} is above the maximum ${max}`);
    return accept(answer);
  },
};
