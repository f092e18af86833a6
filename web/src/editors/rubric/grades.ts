import type { RubricAnswer, RubricGrade, RubricQuestion } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { rubricTotal } from '../../../../core/interface/questions/rubric-total.ts';
import type { ShownCandidate } from '../candidates.ts';

/**
 * The rubric editor's pure core: which columns the grid has and the answer after each change.
 * Every change recomputes the grade's total with core's `rubricTotal`: it is never typed.
 */

export type Criterion = RubricQuestion['criteria'][number];

/** One column of the grid: a candidate, or (over a text field) the text itself. */
export interface Column {
  candidate?: ShownCandidate;
}

/** How the question grades: the text, each candidate, or one candidate the tutor picks. */
export type GradeMode = 'text' | 'each' | 'one';

export const gradeMode = (q: RubricQuestion, candidates: readonly ShownCandidate[]): GradeMode =>
  candidates.length === 0 ? 'text' : q.grade;

/** The candidate a 'one' rubric grades, once chosen. */
export const gradedCandidate = (value: RubricAnswer | undefined): string | undefined =>
  value?.grades[0]?.candidate;

/** The grid's columns: the text, every candidate in shown order, or the one chosen. */
export function columnsOf(
  mode: GradeMode,
  candidates: readonly ShownCandidate[],
  value: RubricAnswer | undefined,
): Column[] {
  if (mode === 'text') return [{}];
  if (mode === 'each') return candidates.map((candidate) => ({ candidate }));
  const chosen = candidates.find((c) => c.id === gradedCandidate(value));
  return chosen ? [{ candidate: chosen }] : [];
}

export const gradeOf = (value: RubricAnswer | undefined, candidate: string | undefined) =>
  value?.grades.find((g) => g.candidate === candidate);

/** The grade's total as shown: with whatever is scored so far, from 0 to 1. */
export const liveTotal = (q: RubricQuestion, grade: RubricGrade | undefined): number =>
  grade ? rubricTotal(q.criteria, grade.scores) : 0;

function withGrade(
  q: RubricQuestion,
  mode: GradeMode,
  value: RubricAnswer | undefined,
  candidate: string | undefined,
  change: (scores: RubricGrade['scores']) => RubricGrade['scores'],
): RubricAnswer | null {
  const grades = value?.grades ?? [];
  const at = grades.findIndex((g) => g.candidate === candidate);
  const scores = change({ ...(grades[at]?.scores ?? {}) });
  const grade: RubricGrade = {
    ...(candidate !== undefined ? { candidate } : {}),
    scores,
    total: rubricTotal(q.criteria, scores),
  };
  // A 'one' rubric keeps its chosen candidate with nothing scored yet; elsewhere an empty grade goes.
  const keep = Object.keys(scores).length > 0 || mode === 'one';
  const next = at < 0 ? [...grades, grade] : grades.map((g, i) => (i === at ? grade : g));
  const out = keep ? next : next.filter((g) => g !== grade);
  return out.length > 0 ? { grades: out } : null;
}

/** The answer with `criterion` of `candidate`'s grade scored (null clears the score and its comment). */
export function setScore(
  q: RubricQuestion,
  mode: GradeMode,
  value: RubricAnswer | undefined,
  candidate: string | undefined,
  criterion: string,
  score: number | boolean | null,
): RubricAnswer | null {
  return withGrade(q, mode, value, candidate, (scores) => {
    if (score === null) {
      delete scores[criterion];
      return scores;
    }
    const before = scores[criterion];
    scores[criterion] = before?.comment ? { score, comment: before.comment } : { score };
    return scores;
  });
}

/** The answer with a comment on a scored criterion ('' removes it; an unscored one is unchanged). */
export function setComment(
  q: RubricQuestion,
  mode: GradeMode,
  value: RubricAnswer | undefined,
  candidate: string | undefined,
  criterion: string,
  comment: string,
): RubricAnswer | null {
  const before = gradeOf(value, candidate)?.scores[criterion];
  if (!before) return value ?? null;
  return withGrade(q, mode, value, candidate, (scores) => {
    scores[criterion] = comment === '' ? { score: before.score } : { score: before.score, comment };
    return scores;
  });
}

/** A 'one' rubric graded on `candidate` from now on: an empty grade (the previous scores go). */
export const chooseCandidate = (candidate: string): RubricAnswer => ({
  grades: [{ candidate, scores: {}, total: 0 }],
});

/** How many criteria of a grade are scored. */
export const scoredCount = (q: RubricQuestion, grade: RubricGrade | undefined): number =>
  grade ? q.criteria.filter((c) => Object.hasOwn(grade.scores, c.name)).length : 0;

/** The scores a criterion offers, in order: its whole numbers, or pass then fail. */
export function scaleOptions(c: Criterion): { value: number | boolean; label: string }[] {
  if (c.scale === 'pass_fail')
    return [
      { value: true, label: 'Pass' },
      { value: false, label: 'Fail' },
    ];
  const { min, max } = c.scale;
  return Array.from({ length: max - min + 1 }, (_, i) => ({ value: min + i, label: String(min + i) }));
}

/** Above this many options a criterion is scored in a number box rather than with radios. */
export const MAX_RADIOS = 11;

/** A total (0..1) as people read it: "0.75 (75%)". */
export const formatTotal = (total: number): string => `${total.toFixed(2)} (${Math.round(total * 100)}%)`;
