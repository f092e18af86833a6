/**
 * Krippendorff's alpha from a coincidence table built in one pass over units (Krippendorff,
 * "Computing Krippendorff's Alpha-Reliability", 2011). Each unit adds, for every ordered pair of
 * values (c, k) among its m_u values, n_c·n_k/(m_u − 1) (n_c·(n_c − 1)/(m_u − 1) on the diagonal);
 * a unit with fewer than two values is not pairable and adds nothing. Missing answers are simply
 * absent from their unit. Pairs of ratings are never enumerated: a unit costs the square of its
 * number of distinct values.
 */

export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export class Coincidences {
  /** o[c][k], symmetric, sparse. */
  readonly #o = new Map<number, Map<number, number>>();
  /** Marginals n_c = Σ_k o_ck: the pairable values per value. */
  readonly #n = new Map<number, number>();
  #total = 0;
  #units = 0;

  /** Add one unit's values (one per coder who answered). */
  addUnit(values: readonly number[]): void {
    if (values.length < 2) return;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    this.addCounts(counts, values.length);
  }

  /** Add one unit given as counts per value; m is the sum of the counts. */
  addCounts(counts: ReadonlyMap<number, number>, m: number): void {
    if (m < 2) return;
    this.#units++;
    this.#total += m;
    for (const [c, nc] of counts) {
      this.#n.set(c, (this.#n.get(c) ?? 0) + nc);
      let row = this.#o.get(c);
      if (!row) {
        row = new Map();
        this.#o.set(c, row);
      }
      for (const [k, nk] of counts) {
        const add = (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
        if (add !== 0) row.set(k, (row.get(k) ?? 0) + add);
      }
    }
  }

  /** Pairable values n.. (the sum of the marginals). */
  get total(): number {
    return this.#total;
  }
  /** Pairable units. */
  get units(): number {
    return this.#units;
  }

  /**
   * Alpha = 1 − (n − 1)·Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. Null when it is undefined: fewer than two
   * pairable values, or no variation at all (every value the same, so no disagreement is expected).
   */
  alpha(level: AlphaLevel): number | null {
    const n = this.#total;
    if (n < 2) return null;
    const values = [...this.#n.keys()].sort((a, b) => a - b);
    const delta = distance(level, values, this.#n);
    let observed = 0;
    for (const [c, row] of this.#o) for (const [k, o] of row) if (c !== k) observed += o * delta(c, k);
    const expected = expectedSum(level, values, this.#n, delta);
    if (expected <= 0) return null;
    return 1 - ((n - 1) * observed) / expected;
  }
}

/** Σ_c Σ_k n_c n_k δ²_ck; closed forms for nominal and interval, a double loop otherwise. */
function expectedSum(
  level: AlphaLevel,
  values: readonly number[],
  n: ReadonlyMap<number, number>,
  delta: (c: number, k: number) => number,
): number {
  let s1 = 0;
  let s2 = 0;
  let sq = 0;
  for (const v of values) {
    const nv = n.get(v) ?? 0;
    s1 += nv;
    sq += nv * nv;
    s2 += nv * v;
  }
  if (level === 'nominal') return s1 * s1 - sq;
  if (level === 'interval') {
    let m2 = 0;
    for (const v of values) m2 += (n.get(v) ?? 0) * v * v;
    // Σ n_c n_k (c − k)² = 2·n·Σ n_c c² − 2·(Σ n_c c)²
    return 2 * s1 * m2 - 2 * s2 * s2;
  }
  let sum = 0;
  for (const c of values)
    for (const k of values) if (c !== k) sum += (n.get(c) ?? 0) * (n.get(k) ?? 0) * delta(c, k);
  return sum;
}

/** The squared difference function δ²_ck of a level. */
function distance(
  level: AlphaLevel,
  values: readonly number[],
  n: ReadonlyMap<number, number>,
): (c: number, k: number) => number {
  switch (level) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (c - k) ** 2;
    case 'ratio':
      return (c, k) => (c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2);
    case 'ordinal': {
      // δ²_ck = (Σ_{g from c to k} n_g − (n_c + n_k)/2)², with the marginals of the table.
      const cumulative = new Map<number, number>();
      let run = 0;
      for (const v of values) {
        run += n.get(v) ?? 0;
        cumulative.set(v, run);
      }
      return (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = (cumulative.get(hi) ?? 0) - (cumulative.get(lo) ?? 0) + (n.get(lo) ?? 0);
        return (between - ((n.get(c) ?? 0) + (n.get(k) ?? 0)) / 2) ** 2;
      };
    }
  }
}
