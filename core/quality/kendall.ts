/**
 * Rank correlation for ranking answers: `{order: [[id], [id, id], …]}`, best first, ids in one
 * inner list tied. Kendall's tau-b between two rankings and Kendall's W (coefficient of
 * concordance, with the correction for ties) over several, each over the ids every ranking has.
 */

export type Tiers = readonly (readonly string[])[];

/** Each id's tier position (0 best), so a lower number is better. */
export function tierOf(order: Tiers): Map<string, number> {
  const out = new Map<string, number>();
  order.forEach((tier, i) => {
    for (const id of tier) out.set(id, i);
  });
  return out;
}

/** Tau-b = (C − D)/√((n₀ − n₁)(n₀ − n₂)); null under two common ids or when a ranking is all tied. */
export function kendallTauB(a: Tiers, b: Tiers): number | null {
  const ra = tierOf(a);
  const rb = tierOf(b);
  const ids = [...ra.keys()].filter((id) => rb.has(id));
  let concordant = 0;
  let discordant = 0;
  let tiedA = 0;
  let tiedB = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const x = Math.sign((ra.get(ids[i] as string) as number) - (ra.get(ids[j] as string) as number));
      const y = Math.sign((rb.get(ids[i] as string) as number) - (rb.get(ids[j] as string) as number));
      if (x === 0) tiedA++;
      if (y === 0) tiedB++;
      if (x * y > 0) concordant++;
      else if (x * y < 0) discordant++;
    }
  const n0 = (ids.length * (ids.length - 1)) / 2;
  const denominator = Math.sqrt((n0 - tiedA) * (n0 - tiedB));
  return denominator === 0 ? null : (concordant - discordant) / denominator;
}

/** Mid-ranks (1 best) of the given ids in one ranking: tied ids share the mean of their ranks. */
function midRanks(order: Tiers, ids: ReadonlySet<string>): { ranks: Map<string, number>; ties: number } {
  const ranks = new Map<string, number>();
  let next = 1;
  let ties = 0;
  for (const tier of order) {
    const here = tier.filter((id) => ids.has(id));
    const t = here.length;
    for (const id of here) ranks.set(id, next + (t - 1) / 2);
    next += t;
    ties += t * t * t - t;
  }
  return { ranks, ties };
}

/**
 * W = 12·S / (m²(n³ − n) − m·Σ T_j), S the sum of squared deviations of the ids' rank sums from
 * their mean, T_j = Σ(t³ − t) over rater j's tied groups. Null under two rankings or two common
 * ids, or when every ranking ties everything.
 */
export function kendallW(rankings: readonly Tiers[]): number | null {
  const m = rankings.length;
  if (m < 2) return null;
  const sets = rankings.map((r) => new Set(r.flat()));
  const ids = new Set([...(sets[0] ?? [])].filter((id) => sets.every((s) => s.has(id))));
  const n = ids.size;
  if (n < 2) return null;
  const sums = new Map<string, number>();
  let tieSum = 0;
  for (const order of rankings) {
    const { ranks, ties } = midRanks(order, ids);
    tieSum += ties;
    for (const [id, r] of ranks) sums.set(id, (sums.get(id) ?? 0) + r);
  }
  const mean = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of sums.values()) s += (r - mean) ** 2;
  const denominator = m * m * (n * n * n - n) - m * tieSum;
  return denominator <= 0 ? null : (12 * s) / denominator;
}
