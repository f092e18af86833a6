import type { Preference } from '../interface/index.ts';

/** One preference: candidate ids, the chosen one first, and by how much it was preferred. */
export interface Pair {
  chosen: string;
  rejected: string;
  margin: number;
}

/**
 * The pair of a pairwise answer over the candidates `ids` (exactly two): the preferred candidate
 * over the other, its strength as the margin. A tie (no candidate preferred, strength 0) is no pair.
 */
export function pairwisePair(answer: Preference, ids: readonly string[]): Pair | undefined {
  const { preferred, strength } = answer;
  if (preferred === null || !(strength > 0) || ids.length !== 2 || !ids.includes(preferred)) return undefined;
  const rejected = ids[0] === preferred ? ids[1]! : ids[0]!;
  return rejected === preferred ? undefined : { chosen: preferred, rejected, margin: strength };
}

/**
 * The pairs of a ranking (tiers best first; ids in one tier are tied), keeping only the ids for
 * which `known` holds: `all` pairs every candidate with every candidate of each lower tier,
 * `adjacent` only with those of the next tier down. The margin is the distance between the tiers
 * (tiers left empty do not count). Tied candidates are never paired.
 */
export function rankingPairs(
  order: readonly (readonly string[])[],
  mode: 'all' | 'adjacent',
  known: (id: string) => boolean,
): Pair[] {
  const tiers = order.map((tier) => tier.filter(known)).filter((tier) => tier.length > 0);
  const pairs: Pair[] = [];
  for (let i = 0; i < tiers.length; i++) {
    const last = mode === 'adjacent' ? Math.min(i + 1, tiers.length - 1) : tiers.length - 1;
    for (let j = i + 1; j <= last; j++) {
      for (const chosen of tiers[i]!) {
        for (const rejected of tiers[j]!) pairs.push({ chosen, rejected, margin: j - i });
      }
    }
  }
  return pairs;
}
