import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { DisplayLabel, Identifier } from '../names.ts';
import {
  candidateIds,
  candidateRefs,
  checkCriterionNames,
  checkNote,
  isBlankText,
  isCandidateList,
  notACandidate,
  overCandidates,
} from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon, reject } from './kind.ts';
import { type CriterionScore, rubricTotal } from './rubric-total.ts';

const Scale = z.union([
  z.literal('pass_fail'),
  z
    .strictObject({ min: z.int(), max: z.int() })
    .refine((s) => s.min < s.max, { message: 'max must be greater than min', path: ['max'] }),
]);

const Criterion = z.strictObject({
  name: Identifier,
  label: DisplayLabel.optional(),
  description: z.string().max(5000).optional(),
  scale: Scale,
  weight: z.number().positive().max(1000).default(1),
});

/**
 * Grade a response (or each response) against criteria, each on a scale or pass/fail with a
 * weight and an optional comment. Answer: `{grades: [{candidate?, scores: {criterion: {score,
 * comment?}}, total}]}`; `total` is computed (rubric-total.ts). Over a text field there is one
 * grade without a candidate; over candidates `grade: 'each'` wants one per candidate, `'one'`
 * exactly one that names its candidate.
 */
export const RubricQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('rubric'),
    ...questionCommon,
    ...overCandidates,
    grade: z.enum(['each', 'one']).default('each'),
    criteria: z.array(Criterion).min(1, 'must have at least one criterion').max(50),
    comments: z.boolean().default(true),
  })
  .superRefine((q, ctx) => {
    checkCriterionNames(q.criteria, ctx);
  })
  .meta({ id: 'RubricQuestion' });
export type RubricQuestion = z.output<typeof RubricQuestion>;

export interface RubricGrade {
  candidate?: string;
  scores: Record<string, CriterionScore>;
  total: number;
}
export interface RubricAnswer {
  grades: RubricGrade[];
}

function checkGrade(
  g: unknown,
  q: RubricQuestion,
  ids: readonly string[] | null,
  at: string,
  partial: boolean,
): [RubricGrade | undefined, AnswerIssue[]] {
  if (!isPlainObject(g))
    return [undefined, [{ at, message: `expected {candidate?, scores}, got ${describeValue(g)}` }]];
  const issues: AnswerIssue[] = [];
  const grade: RubricGrade = { scores: {}, total: 0 };
  const candidate = ownValue(g, 'candidate');
  if (ids === null) {
    if (candidate !== undefined)
      issues.push({ at: `${at}.candidate`, message: 'this rubric grades a text field: no candidate' });
  } else {
    const problem = notACandidate(candidate, ids);
    if (problem) issues.push({ at: `${at}.candidate`, message: problem });
    else grade.candidate = candidate as string;
  }
  const scores = ownValue(g, 'scores');
  if (!isPlainObject(scores))
    return [
      undefined,
      [
        ...issues,
        { at: `${at}.scores`, message: `expected an object by criterion name, got ${describeValue(scores)}` },
      ],
    ];
  const names = q.criteria.map((c) => c.name);
  for (const key of Object.keys(scores))
    if (!names.includes(key))
      issues.push({
        at: `${at}.scores.${key}`,
        message: `unknown criterion; the criteria are ${names.join(', ')}`,
      });
  for (const c of q.criteria) {
    const here = `${at}.scores.${c.name}`;
    const s = ownValue(scores, c.name);
    if (s === undefined || s === null) {
      if (!partial) issues.push({ at: here, message: 'a score is required' });
      continue;
    }
    const score = isPlainObject(s) ? ownValue(s, 'score') : undefined;
    if (!isPlainObject(s) || score === undefined) {
      issues.push({ at: here, message: `expected {score, comment?}, got ${describeValue(s)}` });
      continue;
    }
    if (c.scale === 'pass_fail') {
      if (typeof score !== 'boolean')
        issues.push({
          at: `${here}.score`,
          message: `expected true (pass) or false (fail), got ${describeValue(score)}`,
        });
    } else if (
      typeof score !== 'number' ||
      !Number.isInteger(score) ||
      score < c.scale.min ||
      score > c.scale.max
    ) {
      issues.push({
        at: `${here}.score`,
        message: `must be a whole number from ${c.scale.min} to ${c.scale.max}, got ${describeValue(score)}`,
      });
    }
    const out: CriterionScore = { score: score as number | boolean };
    const comment = ownValue(s, 'comment');
    if (comment !== undefined) {
      const problem = checkNote(comment, 'comment');
      if (problem) issues.push({ at: `${here}.comment`, message: problem });
      else if (!isBlankText(comment)) out.comment = comment as string;
    }
    grade.scores[c.name] = out;
  }
  if (issues.length > 0) return [undefined, issues];
  grade.total = rubricTotal(q.criteria, grade.scores);
  return [grade, []];
}

export const rubric: QuestionKind<typeof RubricQuestion> = {
  type: 'rubric',
  config: RubricQuestion,
  validate(answer, q, ctx) {
    const grades = isPlainObject(answer) ? ownValue(answer, 'grades') : undefined;
    if (!Array.isArray(grades))
      return reject(`expected {grades: [{candidate?, scores}]}, got ${describeValue(answer)}`);
    const ids = isCandidateList(ctx.data, q.field) ? candidateIds(ctx.data, q.field) : null;
    const issues: AnswerIssue[] = [];
    const out: RubricGrade[] = [];
    const graded = new Set<string>();
    grades.forEach((g, i) => {
      const [grade, problems] = checkGrade(g, q, ids, `.grades[${i}]`, ctx.partial);
      issues.push(...problems);
      if (!grade) return;
      if (grade.candidate !== undefined) {
        if (graded.has(grade.candidate))
          issues.push({
            at: `.grades[${i}].candidate`,
            message: `candidate ${JSON.stringify(grade.candidate)} is graded twice`,
          });
        graded.add(grade.candidate);
      }
      out.push(grade);
    });
    const single = ids === null || q.grade === 'one';
    if (single && grades.length > 1)
      issues.push({ at: '.grades', message: `expected one grade, got ${grades.length}` });
    if (!ctx.partial && issues.length === 0) {
      if (single && out.length === 0) issues.push({ at: '.grades', message: 'a grade is required' });
      if (!single) {
        const missing = ids.filter((id) => !graded.has(id));
        if (missing.length > 0)
          issues.push({
            at: '.grades',
            message: `grade every candidate; missing ${missing.map((m) => JSON.stringify(m)).join(', ')}`,
          });
      }
    }
    return issues.length > 0 ? { ok: false, issues } : accept({ grades: out } satisfies RubricAnswer);
  },
  isBlank: (answer) => isPlainObject(answer) && Array.isArray(answer.grades) && answer.grades.length === 0,
  fieldRefs: (q) => candidateRefs(q, ['responses', 'text']),
};
