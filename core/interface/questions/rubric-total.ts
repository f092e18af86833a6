/** One criterion's scale: whole numbers from min to max, or pass/fail. */
export type CriterionScale = { min: number; max: number } | 'pass_fail';

export interface RubricCriterion {
  name: string;
  scale: CriterionScale;
  weight: number;
}

/** One criterion's score (a number on its scale, or true/false for pass/fail). */
export interface CriterionScore {
  score: number | boolean;
  comment?: string;
}

/** A score on its criterion's scale as a fraction from 0 to 1 (pass 1, fail 0). */
export function normalisedScore(scale: CriterionScale, score: number | boolean): number {
  if (scale === 'pass_fail') return score === true ? 1 : 0;
  return ((score as number) - scale.min) / (scale.max - scale.min);
}

/**
 * The weighted total of a grade: Σ wᵢ·nᵢ / Σ wᵢ over the scored criteria, nᵢ the normalised
 * score; from 0 to 1, rounded to 4 decimals; 0 when nothing is scored. Computed, never typed.
 */
export function rubricTotal(
  criteria: readonly RubricCriterion[],
  scores: Readonly<Record<string, CriterionScore>>,
): number {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = Object.hasOwn(scores, c.name) ? scores[c.name] : undefined;
    if (s === undefined) continue;
    sum += c.weight * normalisedScore(c.scale, s.score);
    weights += c.weight;
  }
  return weights === 0 ? 0 : Math.round((sum / weights) * 10_000) / 10_000;
}
