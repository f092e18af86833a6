import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import {
  CriterionName,
  candidateIds,
  candidateRefs,
  checkCriterionNames,
  checkNote,
  isBlankText,
  notACandidate,
  overCandidates,
} from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon } from './kind.ts';
import { maxStrength } from './pairwise-scale.ts';

export { DEFAULT_PAIRWISE_LABELS, maxStrength, pairwiseLabels } from './pairwise-scale.ts';

/**
 * A preference between exactly two candidates on a symmetric scale of `scale` points (A much
 * better … the same … B much better), optionally one per criterion. The answer names the preferred
 * candidate by id, never by side: `{preferred: id | null, strength: 0…(scale-1)/2, justification?,
 * criteria?}`; null with strength 0 is a tie.
 */
export const PairwiseQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('pairwise'),
    ...questionCommon,
    ...overCandidates,
    scale: z.union([z.literal(3), z.literal(5), z.literal(7)]).default(7),
    labels: z.array(z.string().min(1).max(200)).optional(),
    criteria: z.array(CriterionName).max(20).optional(),
    requireJustificationFrom: z
      .int()
      .min(0)
      .max(3)
      .optional()
      .describe(
        'a justification is required when the overall strength is at least this; absent: never required',
      ),
  })
  .superRefine((q, ctx) => {
    if (q.labels !== undefined && q.labels.length !== q.scale)
      ctx.addIssue({
        code: 'custom',
        path: ['labels'],
        message: `must have ${q.scale} labels, one per point of the scale; got ${q.labels.length}`,
      });
    if (q.requireJustificationFrom !== undefined && q.requireJustificationFrom > maxStrength(q.scale))
      ctx.addIssue({
        code: 'custom',
        path: ['requireJustificationFrom'],
        message: `must be at most ${maxStrength(q.scale)} on a ${q.scale}-point scale`,
      });
    checkCriterionNames(q.criteria, ctx);
  })
  .meta({ id: 'PairwiseQuestion' });
export type PairwiseQuestion = z.output<typeof PairwiseQuestion>;

export interface Preference {
  preferred: string | null;
  strength: number;
}
export interface PairwiseAnswer extends Preference {
  justification?: string;
  criteria?: Record<string, Preference>;
}

function checkPreference(
  value: unknown,
  ids: readonly string[],
  max: number,
  at: string,
  partial: boolean,
): [Preference | undefined, AnswerIssue[]] {
  if (!isPlainObject(value))
    return [undefined, [{ at, message: `expected {preferred, strength}, got ${describeValue(value)}` }]];
  const issues: AnswerIssue[] = [];
  const preferred = ownValue(value, 'preferred');
  const strength = ownValue(value, 'strength');
  if (preferred === undefined && strength === undefined && partial) return [undefined, []];
  if (preferred !== null) {
    const problem = notACandidate(preferred, ids);
    if (problem) issues.push({ at: `${at}.preferred`, message: problem });
  }
  if (typeof strength !== 'number' || !Number.isInteger(strength) || strength < 0 || strength > max)
    issues.push({
      at: `${at}.strength`,
      message: `must be a whole number from 0 to ${max}, got ${describeValue(strength)}`,
    });
  else if ((preferred === null) !== (strength === 0))
    issues.push({
      at: `${at}.strength`,
      message:
        preferred === null
          ? 'a tie (preferred null) has strength 0'
          : 'strength 0 is a tie: preferred must be null',
    });
  return issues.length > 0
    ? [undefined, issues]
    : [{ preferred: preferred as string | null, strength: strength as number }, []];
}

export const pairwise: QuestionKind<typeof PairwiseQuestion> = {
  type: 'pairwise',
  config: PairwiseQuestion,
  validate(answer, q, ctx) {
    if (!isPlainObject(answer))
      return {
        ok: false,
        issues: [
          {
            message: `expected {preferred, strength, justification?, criteria?}, got ${describeValue(answer)}`,
          },
        ],
      };
    const ids = candidateIds(ctx.data, q.field);
    const max = maxStrength(q.scale);
    const issues: AnswerIssue[] = [];
    const unknown = Object.keys(answer).find(
      (k) => !['preferred', 'strength', 'justification', 'criteria'].includes(k),
    );
    if (unknown !== undefined)
      issues.push({
        at: `.${unknown}`,
        message: 'unknown property; a pairwise answer has preferred, strength, justification and criteria',
      });
    const [overall, overallIssues] = checkPreference(answer, ids, max, '', ctx.partial);
    issues.push(...overallIssues);
    if (overall === undefined && overallIssues.length === 0 && !ctx.partial)
      issues.push({ message: 'choose a preference' });
    const out: PairwiseAnswer = overall ? { ...overall } : ({} as PairwiseAnswer);
    const justification = ownValue(answer, 'justification');
    if (justification !== undefined) {
      const problem = checkNote(justification, 'justification');
      if (problem) issues.push({ at: '.justification', message: problem });
      else if (!isBlankText(justification)) out.justification = justification as string;
    }
    const from = q.requireJustificationFrom;
    if (
      !ctx.partial &&
      from !== undefined &&
      overall &&
      overall.strength >= from &&
      out.justification === undefined
    )
      issues.push({
        at: '.justification',
        message: `a justification is required for a preference of strength ${overall.strength}`,
      });
    const criteria = ownValue(answer, 'criteria');
    const declared = q.criteria ?? [];
    if (criteria !== undefined) {
      if (!isPlainObject(criteria))
        issues.push({
          at: '.criteria',
          message: `expected an object by criterion name, got ${describeValue(criteria)}`,
        });
      else {
        const names = declared.map((c) => c.name);
        for (const key of Object.keys(criteria))
          if (!names.includes(key))
            issues.push({
              at: `.criteria.${key}`,
              message: `unknown criterion; the question's criteria are ${names.join(', ') || 'none'}`,
            });
        const picked: Record<string, Preference> = {};
        for (const name of names) {
          const given = ownValue(criteria, name);
          if (given === undefined || given === null) continue;
          const [pref, problems] = checkPreference(given, ids, max, `.criteria.${name}`, ctx.partial);
          issues.push(...problems);
          if (pref) picked[name] = pref;
        }
        if (Object.keys(picked).length > 0) out.criteria = picked;
      }
    }
    if (!ctx.partial)
      for (const c of declared)
        if (!out.criteria?.[c.name] && !issues.some((i) => i.at?.startsWith(`.criteria.${c.name}`)))
          issues.push({ at: `.criteria.${c.name}`, message: 'choose a preference for this criterion' });
    return issues.length > 0 ? { ok: false, issues } : accept(out);
  },
  checkItem(q, data) {
    const n = candidateIds(data, q.field).length;
    return n === 2
      ? undefined
      : { field: q.field, message: `question "${q.name}" compares exactly 2 candidates; the item has ${n}` };
  },
  fieldRefs: (q) => candidateRefs(q, ['responses']),
};
