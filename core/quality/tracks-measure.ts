import type { TrackAnswer } from '../interface/index.ts';
import type { AnnotatorTally } from './annotator-tally.ts';
import { type Answer, pairDisagreements, type QuestionMeasure } from './measure.ts';
import type { QuestionReport } from './report.ts';
import { compareTracks, lastKeyframe } from './track-match.ts';

const asTracks = (value: unknown): TrackAnswer[] | undefined =>
  Array.isArray(value)
    ? value.filter(
        (t): t is TrackAnswer =>
          typeof t === 'object' && t !== null && typeof t.label === 'string' && Array.isArray(t.keyframes),
      )
    : undefined;

/**
 * Tracks: every pair of an item's annotators compared (track-match.ts) up to the last keyframe
 * any of them placed: the mean IoU of matched tracks, and IDF1 pooled over pairs
 * (2·ΣIDTP / Σ boxes of both). An item's disagreement per pair is 1 − IDF1.
 */
export class TracksMeasure implements QuestionMeasure {
  readonly #type: string;
  readonly #threshold: number;
  #n = 0;
  #pairs = 0;
  #iouSum = 0;
  #matched = 0;
  #tracks = 0;
  #idtp = 0;
  #boxes = 0;

  constructor(type: string, threshold = 0.5) {
    this.#type = type;
    this.#threshold = threshold;
  }

  addItem(answers: readonly Answer[], _data: unknown, _tally: AnnotatorTally): number[] {
    const all = answers.flatMap((a) => asTracks(a.value) ?? []);
    const last = lastKeyframe([all]);
    const { values, scores } = pairDisagreements(answers, asTracks, (a, b) => {
      if (a.length === 0 && b.length === 0) return null;
      const r = compareTracks(a, b, last, this.#threshold);
      this.#pairs++;
      this.#tracks += a.length + b.length;
      this.#matched += r.matches.length;
      for (const m of r.matches) this.#iouSum += m.iou;
      this.#idtp += r.idtp;
      this.#boxes += r.boxesA + r.boxesB;
      return 1 - r.idf1;
    });
    this.#n += values.length;
    return scores;
  }

  result(): QuestionReport {
    return {
      type: this.#type,
      n: this.#n,
      pairs: this.#pairs,
      trackAgreement: {
        iouThreshold: this.#threshold,
        meanIoU: this.#matched === 0 ? null : this.#iouSum / this.#matched,
        matched: this.#matched,
        tracks: this.#tracks,
        idf1: this.#boxes === 0 ? null : (2 * this.#idtp) / this.#boxes,
        boxes: this.#boxes,
      },
    };
  }
}
