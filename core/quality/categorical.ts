import type { AnnotatorTally } from './annotator-tally.ts';
import { CohenKappa, type CohenWeight } from './cohen.ts';
import { FleissKappa } from './fleiss.ts';
import { type AlphaLevel, Coincidences } from './krippendorff.ts';

/** One annotator's value in one unit, as a number code (an option's index, a score, a signed strength). */
export interface Coded {
  annotator: string;
  /** Units within an item: a candidate, a step; '' when an item has one unit. */
  unit: string;
  code: number;
}

/** Which coefficients a question (or one option, criterion or step of it) gets. */
export interface CategoricalPlan {
  levels: readonly AlphaLevel[];
  /** Fleiss' kappa and per-annotator agreement: the codes are categories. */
  categorical: boolean;
  /** Pairwise Cohen's kappa over the ordered categories lowest..lowest+count−1, with these weights. */
  cohen?: { lowest: number; count: number; weights: readonly CohenWeight[] };
}

export interface CohenPair {
  annotators: [string, string];
  n: number;
  unweighted?: number | null;
  linear?: number | null;
  quadratic?: number | null;
}

export interface CategoricalResult {
  /** Answers counted. */
  n: number;
  /** Units with at least two answers (pairable). */
  units: number;
  krippendorffAlpha: Partial<Record<AlphaLevel, number | null>>;
  fleissKappa?: number | null;
  cohenKappa?: CohenPair[];
}

/**
 * The coefficients of one categorical or numeric question, accumulated one item at a time: a
 * coincidence table for alpha, Fleiss' sums, one confusion matrix per pair of annotators who
 * shared a unit. Memory grows with distinct values and annotator pairs, never with items.
 */
export class CategoricalMeasure {
  readonly #plan: CategoricalPlan;
  readonly #coincidences = new Coincidences();
  readonly #fleiss = new FleissKappa();
  readonly #pairs = new Map<number, { annotators: [string, string]; kappa: CohenKappa }>();
  readonly #annotators = new Map<string, number>();
  #answers = 0;

  constructor(plan: CategoricalPlan) {
    this.#plan = plan;
  }

  /**
   * One item's values; returns each pairable unit's disagreement (the share of its pairs of
   * answers that differ) for the item's score. Per-annotator agreement goes to `tally`.
   */
  addItem(values: readonly Coded[], tally: AnnotatorTally): number[] {
    this.#answers += values.length;
    const scores: number[] = [];
    for (const unit of byUnit(values)) {
      if (unit.length < 2) continue;
      const counts = new Map<number, number>();
      for (const v of unit) counts.set(v.code, (counts.get(v.code) ?? 0) + 1);
      this.#coincidences.addCounts(counts, unit.length);
      if (!this.#plan.categorical) continue;
      this.#fleiss.addCounts(counts);
      tally.addUnit(unit, counts);
      if (this.#plan.cohen) this.#addPairs(unit, this.#plan.cohen.lowest);
      let same = 0;
      for (const c of counts.values()) same += c * (c - 1);
      scores.push(1 - same / (unit.length * (unit.length - 1)));
    }
    return scores;
  }

  #index(annotator: string): number {
    let i = this.#annotators.get(annotator);
    if (i === undefined) {
      i = this.#annotators.size;
      this.#annotators.set(annotator, i);
    }
    return i;
  }

  #inRange(code: number): boolean {
    const cohen = this.#plan.cohen;
    if (!cohen) return false;
    const i = code - cohen.lowest;
    return Number.isInteger(i) && i >= 0 && i < cohen.count;
  }

  /** Every pair of the unit's annotators: their Cohen table, names in sort order. */
  #addPairs(unit: readonly Coded[], lowest: number): void {
    for (let i = 0; i < unit.length; i++)
      for (let j = i + 1; j < unit.length; j++) {
        let a = unit[i] as Coded;
        let b = unit[j] as Coded;
        if (a.annotator === b.annotator || !this.#inRange(a.code) || !this.#inRange(b.code)) continue;
        if (a.annotator > b.annotator) [a, b] = [b, a];
        const key = this.#index(a.annotator) * 1_048_576 + this.#index(b.annotator);
        let pair = this.#pairs.get(key);
        if (!pair) {
          pair = {
            annotators: [a.annotator, b.annotator],
            kappa: new CohenKappa(this.#plan.cohen?.count ?? 0),
          };
          this.#pairs.set(key, pair);
        }
        pair.kappa.add(a.code - lowest, b.code - lowest);
      }
  }

  result(): CategoricalResult {
    const alpha: Partial<Record<AlphaLevel, number | null>> = {};
    for (const level of this.#plan.levels) alpha[level] = this.#coincidences.alpha(level);
    const out: CategoricalResult = {
      n: this.#answers,
      units: this.#coincidences.units,
      krippendorffAlpha: alpha,
    };
    if (this.#plan.categorical) out.fleissKappa = this.#fleiss.kappa();
    const cohen = this.#plan.cohen;
    if (cohen)
      out.cohenKappa = [...this.#pairs.values()].sort(byNames).map(({ annotators, kappa }) => {
        const pair: CohenPair = { annotators, n: kappa.n };
        for (const w of cohen.weights) pair[w] = kappa.kappa(w);
        return pair;
      });
    return out;
  }
}

/** The plans of the categorical kinds. */
export const coded = {
  /** Unordered categories 0…count−1 (choice options, step verdicts): nominal alpha, Fleiss, Cohen. */
  nominal: (count: number) =>
    new CategoricalMeasure({
      levels: ['nominal'],
      categorical: true,
      cohen: { lowest: 0, count, weights: ['unweighted'] },
    }),
  /** Yes/no (a multi-choice option, a pass/fail criterion): nominal alpha and Fleiss. */
  binary: () => new CategoricalMeasure({ levels: ['nominal'], categorical: true }),
  /** Whole numbers min…max (ratings, scores, signed pairwise strengths): three alphas, Fleiss, weighted Cohen. */
  scale: (min: number, max: number) =>
    new CategoricalMeasure({
      levels: ['nominal', 'ordinal', 'interval'],
      categorical: true,
      cohen: { lowest: min, count: max - min + 1, weights: ['unweighted', 'linear', 'quadratic'] },
    }),
  /** Free numbers: interval and ratio alpha. */
  numeric: () => new CategoricalMeasure({ levels: ['interval', 'ratio'], categorical: false }),
};

const byNames = (x: { annotators: [string, string] }, y: { annotators: [string, string] }) => {
  const a = x.annotators.join('\u0000');
  const b = y.annotators.join('\u0000');
  return a < b ? -1 : a > b ? 1 : 0;
};

/** The values grouped by unit; most questions have one unit per item, so no grouping is needed. */
function byUnit(values: readonly Coded[]): Iterable<readonly Coded[]> {
  let one = true;
  for (const v of values) if (v.unit !== '') one = false;
  if (one) return [values];
  const units = new Map<string, Coded[]>();
  for (const v of values) {
    const list = units.get(v.unit);
    if (list) list.push(v);
    else units.set(v.unit, [v]);
  }
  return units.values();
}
