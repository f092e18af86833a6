/**
 * Cohen's kappa for one pair of annotators over the units both answered, from their confusion
 * matrix over K ordered categories (indices 0…K−1). Weighted kappa is 1 − Σ w·O / Σ w·E with
 * disagreement weights w_ij = 0 on the diagonal and, off it, 1 (unweighted), |i − j|/(K − 1)
 * (linear) or ((i − j)/(K − 1))² (quadratic); E_ij = row_i·col_j/N is the chance table.
 */

export type CohenWeight = 'unweighted' | 'linear' | 'quadratic';

export class CohenKappa {
  readonly #k: number;
  readonly #cells: Float64Array;
  #n = 0;

  constructor(categories: number) {
    this.#k = categories;
    this.#cells = new Float64Array(categories * categories);
  }

  /** One unit: the first annotator's category index and the second's. */
  add(a: number, b: number): void {
    this.#cells[a * this.#k + b] = (this.#cells[a * this.#k + b] ?? 0) + 1;
    this.#n++;
  }

  /** Units both answered. */
  get n(): number {
    return this.#n;
  }

  /** Null with no common unit, or when no disagreement is expected by chance (one category used). */
  kappa(weight: CohenWeight = 'unweighted'): number | null {
    const k = this.#k;
    const n = this.#n;
    if (n === 0) return null;
    const rows = new Float64Array(k);
    const cols = new Float64Array(k);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const c = this.#cells[i * k + j] ?? 0;
        rows[i] = (rows[i] ?? 0) + c;
        cols[j] = (cols[j] ?? 0) + c;
      }
    let observed = 0;
    let expected = 0;
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        if (i === j) continue;
        const w = weightOf(weight, i, j, k);
        observed += w * (this.#cells[i * k + j] ?? 0);
        expected += (w * (rows[i] ?? 0) * (cols[j] ?? 0)) / n;
      }
    if (expected <= 0) return null;
    return 1 - observed / expected;
  }
}

function weightOf(weight: CohenWeight, i: number, j: number, k: number): number {
  if (weight === 'unweighted' || k < 2) return 1;
  const d = Math.abs(i - j) / (k - 1);
  return weight === 'linear' ? d : d * d;
}
