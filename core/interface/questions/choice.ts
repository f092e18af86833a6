import { z } from 'zod';
import { describeValue, listForMessage } from '../field-error.ts';
import { distinctStrings, Identifier } from '../names.ts';
import { accept, type QuestionKind, questionCommon, reject } from './kind.ts';

export const OptionList = distinctStrings('option', { maxItems: 200, maxLength: 1000 });

/** Pick exactly one option; the answer is the option string. */
export const ChoiceQuestion = z
  .strictObject({ name: Identifier, type: z.literal('choice'), ...questionCommon, options: OptionList })
  .meta({ id: 'ChoiceQuestion' });
export type ChoiceQuestion = z.output<typeof ChoiceQuestion>;

export const notAnOption = (value: unknown, options: readonly string[]) =>
  `${describeValue(value)} is not one of the options ${listForMessage(options)}`;

export const choice: QuestionKind<typeof ChoiceQuestion> = {
  type: 'choice',
  config: ChoiceQuestion,
  validate(answer, question) {
    if (typeof answer !== 'string')
      return reject(`expected one option as a string, got ${describeValue(answer)}`);
    if (!question.options.includes(answer)) return reject(notAnOption(answer, question.options));
    return accept(answer);
  },
};
