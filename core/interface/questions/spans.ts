import { z } from 'zod';
import { ownValue } from '../field-error.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { type QuestionKind, questionCommon, reject } from './kind.ts';
import { checkSpans } from './spans-check.ts';

/**
 * Label stretches of a text field. Answers are `{start, end, label}` with offsets in Unicode code
 * points (see offsets.ts), so Python's `text[start:end]` is the span.
 */
export const SpansQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('spans'),
    ...questionCommon,
    field: Identifier,
    labels: distinctStrings('label', { maxItems: 200, maxLength: 200 }),
    allowOverlap: z.boolean().default(false),
  })
  .meta({ id: 'SpansQuestion' });
export type SpansQuestion = z.output<typeof SpansQuestion>;

export const spans: QuestionKind<typeof SpansQuestion> = {
  type: 'spans',
  config: SpansQuestion,
  validate(answer, question, ctx) {
    const text = ownValue(ctx.data, question.field);
    if (typeof text !== 'string') return reject(`the item has no text in field '${question.field}'`);
    return checkSpans(answer, question, text);
  },
  fieldRefs: (question) => [{ key: 'field', name: question.field, types: ['text'] }],
};
