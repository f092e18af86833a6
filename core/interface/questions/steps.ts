import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import {
  candidateIds,
  candidateRefs,
  checkNote,
  isBlankText,
  isCandidateList,
  notACandidate,
  overCandidates,
} from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon, reject } from './kind.ts';
import { stepsOf } from './steps-split.ts';

export const STEP_VERDICTS = ['correct', 'incorrect', 'unverifiable'] as const;
export type StepVerdict = (typeof STEP_VERDICTS)[number];

/**
 * Check a response step by step. Steps are the candidate's given list, or its text cut by
 * paragraphs or lines (steps-split.ts). Answer: `{candidate?, steps: [{verdict, correction?,
 * comment?}], firstError}`; the first incorrect step needs a correction; `firstError` (its index,
 * or null) is computed.
 */
export const StepsQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('steps'),
    ...questionCommon,
    ...overCandidates,
    split: z.enum(['given', 'paragraphs', 'lines']).default('paragraphs'),
    stepsKey: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe("for a text field with split 'given': the key of the item data holding the list of steps"),
  })
  .superRefine((q, ctx) => {
    if (q.stepsKey !== undefined && q.split !== 'given')
      ctx.addIssue({ code: 'custom', path: ['stepsKey'], message: "is only used with split 'given'" });
  })
  .meta({ id: 'StepsQuestion' });
export type StepsQuestion = z.output<typeof StepsQuestion>;

export interface StepMark {
  verdict: StepVerdict;
  correction?: string;
  comment?: string;
}
export interface StepsAnswer {
  candidate?: string;
  steps: (StepMark | null)[];
  firstError: number | null;
}

function checkMark(m: unknown, at: string): [StepMark | undefined, AnswerIssue[]] {
  if (!isPlainObject(m))
    return [
      undefined,
      [{ at, message: `expected {verdict, correction?, comment?}, got ${describeValue(m)}` }],
    ];
  const verdict = ownValue(m, 'verdict');
  if (!(STEP_VERDICTS as readonly unknown[]).includes(verdict))
    return [
      undefined,
      [
        {
          at: `${at}.verdict`,
          message: `must be correct, incorrect or unverifiable, got ${describeValue(verdict)}`,
        },
      ],
    ];
  const mark: StepMark = { verdict: verdict as StepVerdict };
  const issues: AnswerIssue[] = [];
  for (const key of ['correction', 'comment'] as const) {
    const v = ownValue(m, key);
    if (v === undefined) continue;
    const problem = checkNote(v, key);
    if (problem) issues.push({ at: `${at}.${key}`, message: problem });
    else if (!isBlankText(v)) mark[key] = v as string;
  }
  return [mark, issues];
}

export const steps: QuestionKind<typeof StepsQuestion> = {
  type: 'steps',
  config: StepsQuestion,
  validate(answer, q, ctx) {
    const marks = isPlainObject(answer) ? ownValue(answer, 'steps') : undefined;
    if (!isPlainObject(answer) || !Array.isArray(marks))
      return reject(`expected {candidate?, steps: [{verdict, correction?}]}, got ${describeValue(answer)}`);
    const issues: AnswerIssue[] = [];
    let candidate: string | undefined;
    if (isCandidateList(ctx.data, q.field)) {
      const problem = notACandidate(ownValue(answer, 'candidate'), candidateIds(ctx.data, q.field));
      if (problem) return reject(problem, '.candidate');
      candidate = answer.candidate as string;
    }
    const stepTexts = stepsOf(q, ctx.data, candidate);
    if (!stepTexts) return reject('the item has no steps to check for this question');
    if (marks.length > stepTexts.length)
      issues.push({
        at: '.steps',
        message: `has ${marks.length} marks but the response has ${stepTexts.length} steps`,
      });
    const out: (StepMark | null)[] = [];
    marks.forEach((m: unknown, i) => {
      if (m === null && ctx.partial) {
        out.push(null);
        return;
      }
      const [mark, problems] = checkMark(m, `.steps[${i}]`);
      issues.push(...problems);
      out.push(mark ?? null);
    });
    const firstError = out.findIndex((m) => m?.verdict === 'incorrect');
    if (!ctx.partial && issues.length === 0) {
      const unmarked = stepTexts.map((_, i) => i).filter((i) => !out[i]);
      if (unmarked.length > 0)
        issues.push({
          at: '.steps',
          message: `mark every step; step${unmarked.length > 1 ? 's' : ''} ${unmarked.map((i) => i + 1).join(', ')} ${unmarked.length > 1 ? 'are' : 'is'} unmarked`,
        });
      if (firstError >= 0 && out[firstError]?.correction === undefined)
        issues.push({
          at: `.steps[${firstError}].correction`,
          message: `step ${firstError + 1} is the first incorrect step: write its correction`,
        });
    }
    if (issues.length > 0) return { ok: false, issues };
    const value: StepsAnswer = {
      ...(candidate !== undefined ? { candidate } : {}),
      steps: out,
      firstError: firstError >= 0 ? firstError : null,
    };
    return accept(value);
  },
  isBlank: (answer) =>
    isPlainObject(answer) && Array.isArray(answer.steps) && answer.steps.every((s) => s === null),
  checkItem(q, data) {
    if (q.split !== 'given') return undefined;
    if (isCandidateList(data, q.field)) {
      const without = data[q.field] as { id: string; steps?: unknown }[];
      const c = without.find((x) => x.steps === undefined);
      return c
        ? {
            field: q.field,
            message: `question "${q.name}" checks given steps; candidate ${JSON.stringify(c.id)} has no steps list`,
          }
        : undefined;
    }
    if (stepsOf(q, data) === undefined)
      return {
        field: q.stepsKey ?? q.field,
        message: `question "${q.name}" checks given steps: a list of strings is needed here`,
      };
    return undefined;
  },
  fieldRefs: (q) => candidateRefs(q, ['responses', 'text']),
};
