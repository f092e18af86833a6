import type { AnnotatorTally } from './annotator-tally.ts';
import { kendallTauB, kendallW, type Tiers } from './kendall.ts';
import { type Answer, pairDisagreements, type QuestionMeasure } from './measure.ts';
import type { QuestionReport } from './report.ts';

const asOrder = (value: unknown): Tiers | undefined => {
  const order =
    typeof value === 'object' && value !== null ? (value as { order?: unknown }).order : undefined;
  return Array.isArray(order) && order.length > 0 && order.every(Array.isArray)
    ? (order as Tiers)
    : undefined;
};

/**
 * Ranking: Kendall's tau-b for every pair of annotators of an item, averaged over all such pairs
 * of the project; Kendall's W per item over its annotators, averaged over items.
 */
export class RankingMeasure implements QuestionMeasure {
  readonly #type: string;
  #n = 0;
  #tauSum = 0;
  #tauPairs = 0;
  #wSum = 0;
  #wItems = 0;

  constructor(type: string) {
    this.#type = type;
  }

  addItem(answers: readonly Answer[], _data: unknown, _tally: AnnotatorTally): number[] {
    const { values: orders, scores } = pairDisagreements(answers, asOrder, (a, b) => {
      const tau = kendallTauB(a, b);
      if (tau === null) return null;
      this.#tauSum += tau;
      this.#tauPairs++;
      return (1 - tau) / 2;
    });
    this.#n += orders.length;
    const w = kendallW(orders);
    if (w !== null) {
      this.#wSum += w;
      this.#wItems++;
    }
    return scores;
  }

  result(): QuestionReport {
    return {
      type: this.#type,
      n: this.#n,
      units: this.#wItems,
      pairs: this.#tauPairs,
      kendallTau: this.#tauPairs === 0 ? null : this.#tauSum / this.#tauPairs,
      kendallW: this.#wItems === 0 ? null : this.#wSum / this.#wItems,
    };
  }
}
