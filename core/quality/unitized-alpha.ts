/**
 * Krippendorff's alpha for unitized data, uα (Krippendorff 1995, "On the reliability of unitizing
 * continuous data"; 2004, Content Analysis, 2nd ed., section 11.6): m coders each divide one
 * continuum of length L into units of a category c and the gaps between them (everything that is
 * not a c unit, other categories included). For category c, with sections g of coder i starting at
 * b, of length l, w = 1 for a unit and 0 for a gap:
 *
 *   D_o,c = Σ_i Σ_{j≠i} Σ_g Σ_h δ²(ig, jh) / (m(m − 1)·L²)
 *   δ²(ig, jh) = (b_ig − b_jh)² + (e_ig − e_jh)²  two units that overlap
 *              = l_ig²                            unit ig lies wholly inside gap jh (and the mirror)
 *              = 0                                otherwise
 *   D_e,c = (2/L) · Σ_i Σ_g w_ig [ (N_c − 1)/3 · l(l − 1)(2l − 1) + l² Σ_j Σ_h (1 − w_jh)·max(0, l_jh − l + 1) ]
 *           / ( mL(mL − 1) − Σ_i Σ_g w_ig·l(l − 1) )
 *
 * with N_c the number of c units of all coders, and uα = 1 − Σ_c D_o,c / Σ_c D_e,c (α_c per
 * category alone). The continuum is discrete: times are counted in whole milliseconds. A coder's
 * units of one category must not overlap each other (the question must not allow overlap).
 */

export interface Unitized {
  start: number;
  end: number;
  label?: string | undefined;
}

/** The continuum's grain: one millisecond, so seconds are multiplied by 1000 and rounded. */
export const GRAIN_PER_SECOND = 1000;

interface Section {
  b: number;
  e: number;
}

export interface UnitizedAlpha {
  /** uα over every category; null when undefined (no unit at all). */
  alpha: number | null;
  /** α per category (label; '' for unlabelled units) and its two disagreements. */
  categories: Record<string, { alpha: number | null; observed: number; expected: number }>;
}

/**
 * uα of one continuum: `coders` each a list of segments (seconds), `length` the continuum's
 * length in seconds (default: the latest end any coder marked). Null alpha with fewer than two coders.
 */
export function unitizedAlpha(coders: readonly (readonly Unitized[])[], length?: number): UnitizedAlpha {
  const m = coders.length;
  const toGrain = (s: number) => Math.round(s * GRAIN_PER_SECOND);
  let L = length === undefined ? 0 : toGrain(length);
  for (const c of coders) for (const s of c) L = Math.max(L, toGrain(s.end));
  const labels = new Set<string>();
  for (const c of coders) for (const s of c) labels.add(s.label ?? '');
  const categories: UnitizedAlpha['categories'] = {};
  if (m < 2 || L <= 0) return { alpha: null, categories };
  let observed = 0;
  let expected = 0;
  for (const label of [...labels].sort()) {
    const units = coders.map((c) =>
      c
        .filter((s) => (s.label ?? '') === label)
        .map((s) => ({ b: toGrain(s.start), e: toGrain(s.end) }))
        .filter((u) => u.e > u.b)
        .sort((x, y) => x.b - y.b),
    );
    const dO = observedDisagreement(units, m, L);
    const dE = expectedDisagreement(units, m, L);
    observed += dO;
    expected += dE;
    categories[label] = { alpha: dE > 0 ? 1 - dO / dE : null, observed: dO, expected: dE };
  }
  return { alpha: expected > 0 ? 1 - observed / expected : null, categories };
}

/** The gaps of a coder's sorted, non-overlapping units over [0, L). */
function gapsOf(units: readonly Section[], L: number): Section[] {
  const gaps: Section[] = [];
  let at = 0;
  for (const u of units) {
    if (u.b > at) gaps.push({ b: at, e: u.b });
    at = Math.max(at, u.e);
  }
  if (L > at) gaps.push({ b: at, e: L });
  return gaps;
}

function observedDisagreement(units: readonly Section[][], m: number, L: number): number {
  let sum = 0;
  for (let i = 0; i < m; i++)
    for (let j = i + 1; j < m; j++) {
      const a = units[i] as Section[];
      const b = units[j] as Section[];
      // Each unordered pair of coders counts twice in the ordered sum; δ² is symmetric.
      sum += 2 * (pairSum(a, b) + insideGaps(b, a));
    }
  return sum / (m * (m - 1) * L * L);
}

/** Σ δ² over overlapping units of a and b, plus l² for each unit of a that overlaps no unit of b. */
function pairSum(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let first = 0;
  for (const u of a) {
    while (first < b.length && (b[first] as Section).e <= u.b) first++;
    let overlapped = false;
    for (let k = first; k < b.length && (b[k] as Section).b < u.e; k++) {
      const v = b[k] as Section;
      overlapped = true;
      sum += (u.b - v.b) ** 2 + (u.e - v.e) ** 2;
    }
    if (!overlapped) sum += (u.e - u.b) ** 2;
  }
  return sum;
}

/** l² for each unit of a that overlaps no unit of b (it lies inside one of b's gaps). */
function insideGaps(a: readonly Section[], b: readonly Section[]): number {
  let sum = 0;
  let first = 0;
  for (const u of a) {
    while (first < b.length && (b[first] as Section).e <= u.b) first++;
    const v = b[first];
    if (v === undefined || v.b >= u.e) sum += (u.e - u.b) ** 2;
  }
  return sum;
}

function expectedDisagreement(units: readonly Section[][], m: number, L: number): number {
  const lengths = units.flat().map((u) => u.e - u.b);
  const N = lengths.length;
  if (N === 0) return 0;
  // Gap lengths of every coder, sorted, with suffix sums, for Σ max(0, l_gap − l + 1).
  const gaps = units
    .flatMap((u) => gapsOf(u, L))
    .map((g) => g.e - g.b)
    .sort((x, y) => x - y);
  const suffix = new Array<number>(gaps.length + 1).fill(0);
  for (let k = gaps.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] as number) + (gaps[k] as number);
  let numerator = 0;
  let self = 0;
  for (const l of lengths) {
    const from = lowerBound(gaps, l);
    const longer = gaps.length - from;
    const gapTerm = (suffix[from] as number) - (l - 1) * longer;
    numerator += ((N - 1) / 3) * l * (l - 1) * (2 * l - 1) + l * l * gapTerm;
    self += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - self;
  return denominator > 0 ? ((2 / L) * numerator) / denominator : 0;
}

/** The first index whose value is ≥ x in a sorted list. */
function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
