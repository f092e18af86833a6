/**
 * Fleiss' kappa, accumulated one unit at a time. Units may have different numbers of raters
 * (the usual generalisation): each unit's agreement is P_i = Σ_j n_ij(n_ij − 1) / (m_i(m_i − 1))
 * over its own m_i raters, P̄ is their mean over units with at least two raters, and the chance
 * agreement P_e = Σ_j p_j² uses the category shares p_j over all those units' ratings. With the
 * same number of raters everywhere this is exactly Fleiss (1971).
 */
export class FleissKappa {
  #sumP = 0;
  #units = 0;
  #ratings = 0;
  readonly #byCategory = new Map<number | string, number>();

  /** Add one unit as counts of raters per category. */
  addCounts(counts: ReadonlyMap<number | string, number>): void {
    let m = 0;
    let same = 0;
    for (const c of counts.values()) {
      m += c;
      same += c * (c - 1);
    }
    if (m < 2) return;
    this.#units++;
    this.#sumP += same / (m * (m - 1));
    this.#ratings += m;
    for (const [k, c] of counts) this.#byCategory.set(k, (this.#byCategory.get(k) ?? 0) + c);
  }

  /** Add one unit as its raters' categories. */
  addUnit(values: readonly (number | string)[]): void {
    const counts = new Map<number | string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    this.addCounts(counts);
  }

  get units(): number {
    return this.#units;
  }

  /** Kappa = (P̄ − P_e)/(1 − P_e); null with no pairable unit or when P_e is 1 (one category only). */
  kappa(): number | null {
    if (this.#units === 0) return null;
    const pBar = this.#sumP / this.#units;
    let pe = 0;
    for (const c of this.#byCategory.values()) pe += (c / this.#ratings) ** 2;
    if (pe >= 1) return null;
    return (pBar - pe) / (1 - pe);
  }
}
