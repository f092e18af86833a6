import { z } from 'zod';
import { describeValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { codePointLength } from '../offsets.ts';
import { accept, type QuestionKind, questionCommon, reject } from './kind.ts';

/** Free text. `maxLength` counts code points, the same unit as span offsets. */
export const TextQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('text'),
    ...questionCommon,
    maxLength: z.int().min(1).max(1_000_000).default(100_000),
    // A display hint (text area vs single line); newlines are accepted either way.
    multiline: z.boolean().default(false),
  })
  .meta({ id: 'TextQuestion' });
export type TextQuestion = z.output<typeof TextQuestion>;

export const text: QuestionKind<typeof TextQuestion> = {
  type: 'text',
  config: TextQuestion,
  validate(answer, { maxLength }) {
    if (typeof answer !== 'string') return reject(`expected a string, got ${describeValue(answer)}`);
    const length = codePointLength(answer);
    if (length > maxLength) return reject(`is ${length} characters long, above the maximum ${maxLength}`);
    return accept(answer);
  },
  isBlank: (answer) => typeof answer === 'string' && answer.trim() === '',
};
