import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { codePointLength } from '../offsets.ts';
import { candidateIds, candidateRefs, notACandidate } from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon } from './kind.ts';

/**
 * Write the ideal answer: edit a candidate of `field` or write from scratch (no `field`, or
 * `source: null`). Answer: `{text, source}`, `source` the candidate started from or null.
 * Blank text counts as unanswered.
 */
export const RewriteQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('rewrite'),
    ...questionCommon,
    field: Identifier.optional().describe(
      'the responses field whose candidates can be edited; absent: write from scratch',
    ),
    prompt: Identifier.optional().describe(
      "the field holding the prompt; by default the item's first chat or text field",
    ),
    maxLength: z.int().min(1).max(1_000_000).default(100_000),
  })
  .meta({ id: 'RewriteQuestion' });
export type RewriteQuestion = z.output<typeof RewriteQuestion>;

export interface RewriteAnswer {
  text: string;
  source: string | null;
}

export const rewrite: QuestionKind<typeof RewriteQuestion> = {
  type: 'rewrite',
  config: RewriteQuestion,
  validate(answer, q, ctx) {
    if (!isPlainObject(answer))
      return { ok: false, issues: [{ message: `expected {text, source}, got ${describeValue(answer)}` }] };
    const issues: AnswerIssue[] = [];
    const extra = Object.keys(answer).find((k) => k !== 'text' && k !== 'source');
    if (extra !== undefined)
      issues.push({ at: `.${extra}`, message: 'unknown property; a rewrite answer has text and source' });
    const text = ownValue(answer, 'text');
    if (typeof text !== 'string')
      issues.push({ at: '.text', message: `expected a string, got ${describeValue(text)}` });
    else if (codePointLength(text) > q.maxLength)
      issues.push({
        at: '.text',
        message: `is ${codePointLength(text)} characters long, above the maximum ${q.maxLength}`,
      });
    const source = ownValue(answer, 'source') ?? null;
    if (source !== null) {
      const problem =
        q.field === undefined
          ? 'this question writes from scratch: source must be null'
          : notACandidate(source, candidateIds(ctx.data, q.field));
      if (problem) issues.push({ at: '.source', message: problem });
    }
    return issues.length > 0 ? { ok: false, issues } : accept({ text, source } as RewriteAnswer);
  },
  isBlank: (answer) =>
    isPlainObject(answer) && (typeof answer.text !== 'string' || answer.text.trim() === ''),
  fieldRefs: (q) => candidateRefs(q, ['responses']),
};
