import type { AnnotatorTally } from './annotator-tally.ts';
import { type Answer, pairDisagreements, type QuestionMeasure } from './measure.ts';
import type { QuestionReport } from './report.ts';
import { pairOverlapF1, type Span, SpanAgreement } from './span-f1.ts';

const asSpans = (value: unknown): Span[] | undefined =>
  Array.isArray(value)
    ? value.filter(
        (s): s is Span =>
          typeof s === 'object' &&
          s !== null &&
          typeof s.start === 'number' &&
          typeof s.end === 'number' &&
          typeof s.label === 'string',
      )
    : undefined;

/** Spans: F1 between the annotators of each item, every pair of them, exact and overlap. */
export class SpansMeasure implements QuestionMeasure {
  readonly #type: string;
  readonly #agreement = new SpanAgreement();
  #n = 0;

  constructor(type: string) {
    this.#type = type;
  }

  addItem(answers: readonly Answer[], _data: unknown, _tally: AnnotatorTally): number[] {
    const { values, scores } = pairDisagreements(answers, asSpans, (a, b) => {
      this.#agreement.addPair(a, b);
      const f1 = pairOverlapF1(a, b);
      return f1 === null ? null : 1 - f1;
    });
    this.#n += values.length;
    return scores;
  }

  result(): QuestionReport {
    const overall = this.#agreement.overall();
    return {
      type: this.#type,
      n: this.#n,
      pairs: this.#agreement.pairs,
      spanF1: { ...overall, labels: this.#agreement.labels() },
    };
  }
}
