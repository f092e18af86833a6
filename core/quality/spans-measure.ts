import type { AnnotatorTally } from './annotator-tally.ts';
import type { Answer, QuestionMeasure } from './measure.ts';
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
    const given = answers.flatMap((a) => {
      const spans = asSpans(a.value);
      return spans ? [spans] : [];
    });
    this.#n += given.length;
    const scores: number[] = [];
    for (let i = 0; i < given.length; i++)
      for (let j = i + 1; j < given.length; j++) {
        const a = given[i] as Span[];
        const b = given[j] as Span[];
        this.#agreement.addPair(a, b);
        const f1 = pairOverlapF1(a, b);
        if (f1 !== null) scores.push(1 - f1);
      }
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
