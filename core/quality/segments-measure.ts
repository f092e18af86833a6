import type { SegmentsQuestion } from '../interface/index.ts';
import type { AnnotatorTally } from './annotator-tally.ts';
import { type Answer, type MediaFacts, pairDisagreements, type QuestionMeasure } from './measure.ts';
import type { QuestionReport, SegmentF1Figure } from './report.ts';
import { DEFAULT_IOU_THRESHOLD, matchSegments } from './segment-match.ts';
import { unitizedAlpha } from './unitized-alpha.ts';
import { segmentsTranscript, wordEditDistance } from './wer.ts';

export interface MediaSegment {
  start: number;
  end: number;
  label?: string;
  text?: string;
}

const asSegments = (value: unknown): MediaSegment[] | undefined =>
  Array.isArray(value)
    ? value.filter(
        (s): s is MediaSegment =>
          typeof s === 'object' && s !== null && typeof s.start === 'number' && typeof s.end === 'number',
      )
    : undefined;

interface Tally {
  matchedSides: number;
  segments: number;
  iouSum: number;
  matches: number;
}
const blank = (): Tally => ({ matchedSides: 0, segments: 0, iouSum: 0, matches: 0 });
const figure = (t: Tally): SegmentF1Figure => ({
  f1: t.segments === 0 ? null : t.matchedSides / t.segments,
  meanIoU: t.matches === 0 ? null : t.iouSum / t.matches,
  segments: t.segments,
});

/**
 * Segments: for each item, every pair of its annotators matched one to one per label by temporal
 * IoU (segment-match.ts), pooled like span F1 (F1 = 2·matched / segments of both); uα per item
 * when the question does not allow overlap, averaged over items (the continuum runs to the media's
 * duration when it is known, else to the latest end marked); WER between the transcripts of
 * each pair when the question has text, each annotator in turn the reference.
 */
export class SegmentsMeasure implements QuestionMeasure {
  readonly #q: SegmentsQuestion;
  readonly #threshold: number;
  readonly #overall = blank();
  readonly #labels = new Map<string, Tally>();
  #n = 0;
  #pairs = 0;
  #alphaSum = 0;
  #alphaItems = 0;
  readonly #labelAlpha = new Map<string, { sum: number; items: number }>();
  #edits = 0;
  #words = 0;
  #werPairs = 0;

  constructor(q: SegmentsQuestion, threshold = DEFAULT_IOU_THRESHOLD) {
    this.#q = q;
    this.#threshold = threshold;
  }

  addItem(
    answers: readonly Answer[],
    _data: unknown,
    _tally: AnnotatorTally,
    media?: Readonly<Record<string, MediaFacts>>,
  ): number[] {
    const { values, scores } = pairDisagreements(answers, asSegments, (a, b) => this.#pair(a, b));
    this.#n += values.length;
    if (!this.#q.allowOverlap && values.length >= 2) {
      const r = unitizedAlpha(values, media?.[this.#q.field]?.durationSeconds ?? undefined);
      if (r.alpha !== null) {
        this.#alphaSum += r.alpha;
        this.#alphaItems++;
      }
      for (const [label, c] of Object.entries(r.categories)) {
        if (c.alpha === null) continue;
        const t = this.#labelAlpha.get(label) ?? { sum: 0, items: 0 };
        t.sum += c.alpha;
        t.items++;
        this.#labelAlpha.set(label, t);
      }
    }
    return scores;
  }

  #pair(a: MediaSegment[], b: MediaSegment[]): number | null {
    if (this.#q.text !== 'none') {
      const wa = segmentsTranscript(a);
      const wb = segmentsTranscript(b);
      if (wa.length + wb.length > 0) {
        this.#edits += 2 * wordEditDistance(wa, wb);
        this.#words += wa.length + wb.length;
        this.#werPairs++;
      }
    }
    if (a.length === 0 && b.length === 0) return null;
    this.#pairs++;
    const matches = matchSegments(a, b, this.#threshold);
    const add = (label: string, t: Partial<Tally>) => {
      let row = this.#labels.get(label);
      if (!row) {
        row = blank();
        this.#labels.set(label, row);
      }
      for (const target of [row, this.#overall]) {
        target.matchedSides += t.matchedSides ?? 0;
        target.segments += t.segments ?? 0;
        target.iouSum += t.iouSum ?? 0;
        target.matches += t.matches ?? 0;
      }
    };
    for (const s of [...a, ...b]) add(s.label ?? '', { segments: 1 });
    for (const m of matches) add(a[m.a]?.label ?? '', { matchedSides: 2, iouSum: m.iou, matches: 1 });
    return 1 - (2 * matches.length) / (a.length + b.length);
  }

  result(): QuestionReport {
    const labels: Record<string, SegmentF1Figure> = {};
    for (const label of [...this.#labels.keys()].sort())
      labels[label] = figure(this.#labels.get(label) as Tally);
    const alphaLabels: Record<string, number | null> = {};
    for (const label of [...this.#labelAlpha.keys()].sort()) {
      const t = this.#labelAlpha.get(label) as { sum: number; items: number };
      alphaLabels[label] = t.sum / t.items;
    }
    const report: QuestionReport = {
      type: this.#q.type,
      n: this.#n,
      pairs: this.#pairs,
      segmentF1: { iouThreshold: this.#threshold, ...figure(this.#overall), labels },
      unitizedAlpha: this.#q.allowOverlap
        ? {
            alpha: null,
            items: 0,
            labels: {},
            notComputed: 'the question allows overlapping segments; uα needs one unit at a time per label',
          }
        : {
            alpha: this.#alphaItems === 0 ? null : this.#alphaSum / this.#alphaItems,
            items: this.#alphaItems,
            labels: alphaLabels,
          },
    };
    if (this.#q.text !== 'none')
      report.transcriptWer = {
        wer: this.#words === 0 ? null : this.#edits / this.#words,
        words: this.#words,
        pairs: this.#werPairs,
      };
    return report;
  }
}
