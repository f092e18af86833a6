import { z } from 'zod';
import { describeValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { notAnOption, OptionList } from './choice.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon } from './kind.ts';

/** Pick any number of options; the answer is an array of distinct option strings. */
export const MultiChoiceQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('multi_choice'),
    ...questionCommon,
    options: OptionList,
    minSelected: z.int().min(0).optional(),
    maxSelected: z.int().min(1).optional(),
  })
  .superRefine((q, ctx) => {
    const { minSelected: min, maxSelected: max } = q;
    if (min !== undefined && max !== undefined && min > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxSelected'],
        message: `must be at least minSelected (${min})`,
      });
    }
    if (min !== undefined && min > q.options.length) {
      const message = `is ${min} but there are only ${q.options.length} options`;
      ctx.addIssue({ code: 'custom', path: ['minSelected'], message });
    }
  })
  .meta({ id: 'MultiChoiceQuestion' });
export type MultiChoiceQuestion = z.output<typeof MultiChoiceQuestion>;

export const multiChoice: QuestionKind<typeof MultiChoiceQuestion> = {
  type: 'multi_choice',
  config: MultiChoiceQuestion,
  validate(answer, question, ctx) {
    if (!Array.isArray(answer)) {
      return {
        ok: false,
        issues: [{ message: `expected an array of options, got ${describeValue(answer)}` }],
      };
    }
    const issues: AnswerIssue[] = [];
    const chosen = new Set<string>();
    answer.forEach((option: unknown, i) => {
      if (typeof option !== 'string' || !question.options.includes(option)) {
        issues.push({ at: `[${i}]`, message: notAnOption(option, question.options) });
      } else if (chosen.has(option)) {
        issues.push({ at: `[${i}]`, message: `${describeValue(option)} is selected twice` });
      } else chosen.add(option);
    });
    const { minSelected: min, maxSelected: max } = question;
    if (max !== undefined && answer.length > max) {
      issues.push({ message: `${answer.length} selected, at most ${max} allowed` });
    }
    // Too few selections is incompleteness, like a missing required answer: fine in a draft.
    if (min !== undefined && answer.length < min && !ctx.partial) {
      issues.push({ message: `${answer.length} selected, at least ${min} required` });
    }
    if (issues.length > 0) return { ok: false, issues };
    // Canonical order is the declared option order: the answer is a set.
    return accept(question.options.filter((o) => chosen.has(o)));
  },
};
