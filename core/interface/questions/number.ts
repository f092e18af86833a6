import { z } from 'zod';
import { describeValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { accept, type QuestionKind, questionCommon, reject } from './kind.ts';

/** A free number, optionally bounded and optionally whole. */
export const NumberQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('number'),
    ...questionCommon,
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      ctx.addIssue({ code: 'custom', path: ['max'], message: `must be at least min (${q.min})` });
    }
  })
  .meta({ id: 'NumberQuestion' });
export type NumberQuestion = z.output<typeof NumberQuestion>;

export const number: QuestionKind<typeof NumberQuestion> = {
  type: 'number',
  config: NumberQuestion,
  validate(answer, { min, max, integer }) {
    if (typeof answer !== 'number') return reject(`expected a number, got ${describeValue(answer)}`);
    if (!Number.isFinite(answer)) return reject(`${answer} is not a finite number`);
    if (integer && !Number.isInteger(answer)) return reject(`${answer} is not a whole number`);
    if (min !== undefined && answer < min) return reject(`${answer} is below the minimum ${min}`);
    if (max !== undefined && answer > max) return reject(`${answer} is above the maximum ${max}`);
    return accept(answer);
  },
};
