import type { PairwiseAnswer, Preference, RankingAnswer } from '../interface/index.ts';
import type { ScoredParts } from './gold-parts.ts';
import { kendallTauB } from './kendall.ts';

/**
 * One preference against gold: the direction must agree (the same preferred candidate, or both a
 * tie); with it, strengths within 1 of each other score 1, further apart 0.5. Another direction
 * scores 0 (a tie against a preference is another direction).
 */
export function preferenceScore(given: Preference | undefined, gold: Preference): number {
  if (!given || given.preferred !== gold.preferred) return 0;
  return Math.abs(given.strength - gold.strength) <= 1 ? 1 : 0.5;
}

/** A pairwise answer: the overall preference and each gold criterion are parts; the score is their mean. */
export function pairwiseScore(given: PairwiseAnswer, gold: PairwiseAnswer): ScoredParts {
  const parts: Record<string, number> = { overall: preferenceScore(given, gold) };
  for (const [name, pref] of Object.entries(gold.criteria ?? {}))
    parts[`criteria.${name}`] = preferenceScore(given.criteria?.[name], pref);
  const values = Object.values(parts);
  return { score: values.reduce((s, v) => s + v, 0) / values.length, parts };
}

/**
 * A ranking: Kendall's tau-b mapped from [-1, 1] to [0, 1] as (tau + 1) / 2. When tau-b is
 * undefined (one side ties every candidate) the score is 1 if both orders are the same, else 0.
 */
export function rankingScore(given: RankingAnswer, gold: RankingAnswer): number {
  const tau = kendallTauB(given.order, gold.order);
  if (tau !== null) return (tau + 1) / 2;
  return JSON.stringify(normalised(given.order)) === JSON.stringify(normalised(gold.order)) ? 1 : 0;
}

const normalised = (order: readonly (readonly string[])[]) => order.map((tier) => [...tier].sort());
