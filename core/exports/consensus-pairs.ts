import type { QuestionDefinition } from '../interface/index.ts';
import { type Pair, rankingPairs } from './pairs.ts';

/**
 * The pairs of a pairwise or ranking question's consensus (docs/quality.md, "Consensus":
 * Bradley–Terry's `{"preferred"?, "order", "scores"}`): its order taken as a ranking, best tier
 * first, candidates of equal score sharing a tier and never paired. A pairwise consensus that
 * prefers neither (`preferred` null: the candidates are level) gives none; one that prefers a
 * candidate gives that pair, its margin 1 (the consensus counts wins, not strengths). A ranking's
 * give every pair across tiers, or neighbouring tiers only (`mode`), the margin the tiers' distance.
 */
export function consensusPairs(
  question: Pick<QuestionDefinition, 'type'>,
  answer: unknown,
  candidates: ReadonlyMap<string, unknown>,
  mode: 'all' | 'adjacent',
): Pair[] {
  const { order, preferred } = shapeOf(answer);
  if (order === undefined) return [];
  if (question.type === 'pairwise' && typeof preferred !== 'string') return [];
  return rankingPairs(order, mode, (id) => candidates.has(id));
}

/**
 * The modelled probability that a pair's chosen candidate beats its rejected one under the fitted
 * strengths: 1 / (1 + e^(score(rejected) − score(chosen))). For a pairwise consensus, this is the
 * consensus's own confidence.
 */
export function pairConfidence(answer: unknown, pair: Pair): number {
  const { scores } = shapeOf(answer);
  const chosen = scores?.[pair.chosen];
  const rejected = scores?.[pair.rejected];
  if (typeof chosen !== 'number' || typeof rejected !== 'number') return 0.5;
  return 1 / (1 + Math.exp(rejected - chosen));
}

interface ConsensusShape {
  preferred?: unknown;
  order?: string[][];
  scores?: Record<string, unknown>;
}

function shapeOf(answer: unknown): ConsensusShape {
  if (typeof answer !== 'object' || answer === null) return {};
  const { preferred, order, scores } = answer as Record<string, unknown>;
  const tiers =
    Array.isArray(order) && order.every((t) => Array.isArray(t) && t.every((id) => typeof id === 'string'))
      ? (order as string[][])
      : undefined;
  return {
    preferred,
    ...(tiers ? { order: tiers } : {}),
    ...(typeof scores === 'object' && scores !== null ? { scores: scores as Record<string, unknown> } : {}),
  };
}
