import type { RubricAnswer, RubricQuestion, StepsAnswer } from '../interface/index.ts';

/** A score in [0, 1] that is the mean of named parts, each kept. */
export interface ScoredParts {
  score: number;
  parts: Record<string, number>;
}

const mean = (parts: Record<string, number>) => {
  const values = Object.values(parts);
  return values.length === 0 ? 1 : values.reduce((s, v) => s + v, 0) / values.length;
};

/**
 * A rubric, per criterion of each gold grade (matched by candidate; a text rubric has one grade):
 * pass/fail must agree; a score on a scale counts 1 within `tolerance` of gold (default 0), else 0.
 * A part is named `criterion` or `candidate.criterion`.
 */
export function rubricScore(
  question: Pick<RubricQuestion, 'criteria'>,
  given: RubricAnswer,
  gold: RubricAnswer,
  tolerance = 0,
): ScoredParts {
  const parts: Record<string, number> = {};
  for (const goldGrade of gold.grades) {
    const grade =
      goldGrade.candidate === undefined && gold.grades.length === 1
        ? given.grades[0]
        : given.grades.find((g) => g.candidate === goldGrade.candidate);
    for (const c of question.criteria) {
      const want = goldGrade.scores[c.name];
      if (want === undefined) continue;
      const got = grade?.scores[c.name];
      const name = goldGrade.candidate === undefined ? c.name : `${goldGrade.candidate}.${c.name}`;
      if (got === undefined) parts[name] = 0;
      else if (typeof want.score === 'boolean') parts[name] = got.score === want.score ? 1 : 0;
      else
        parts[name] = typeof got.score === 'number' && Math.abs(got.score - want.score) <= tolerance ? 1 : 0;
    }
  }
  return { score: mean(parts), parts };
}

/**
 * Steps, per step gold marks: the verdict must agree (a part per step, named by its number from 1).
 * When the response checked is a candidate and the annotator checked another one, every step
 * scores 0.
 */
export function stepsScore(given: StepsAnswer, gold: StepsAnswer): ScoredParts {
  const parts: Record<string, number> = {};
  const sameCandidate = given.candidate === gold.candidate;
  gold.steps.forEach((mark, i) => {
    if (!mark) return;
    parts[`step ${i + 1}`] = sameCandidate && given.steps[i]?.verdict === mark.verdict ? 1 : 0;
  });
  return { score: mean(parts), parts };
}
