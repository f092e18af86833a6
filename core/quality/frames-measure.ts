import type { FrameLabel, FramesQuestion } from '../interface/index.ts';
import { AnnotatorTally } from './annotator-tally.ts';
import { coded } from './categorical.ts';
import { labelsByFrame, lastLabelledFrame } from './frame-labels.ts';
import { lastFrameOf } from './last-frame.ts';
import type { Answer, MediaFacts, QuestionMeasure } from './measure.ts';
import type { QuestionReport } from './report.ts';

const asFrames = (value: unknown): FrameLabel[] | undefined =>
  Array.isArray(value)
    ? value.filter(
        (f): f is FrameLabel =>
          typeof f === 'object' && f !== null && Number.isInteger(f.frame) && typeof f.label === 'string',
      )
    : undefined;

/**
 * Frames: each frame of an item is a unit, answered by the annotators who label it (keyframes
 * mode: from their first keyframe to the video's last frame when its probe is known, else the last
 * frame any annotator of the item labelled). The
 * labels go to the nominal coefficients of a choice (alpha, Fleiss, Cohen per pair), and the share
 * of agreeing pairs of labels per frame is `frameAgreement`. An item adds one disagreement score,
 * the mean over its frames. Frames stay out of the per-annotator agreement (a video's thousands of
 * frames would outweigh every other question).
 */
export class FramesMeasure implements QuestionMeasure {
  readonly #q: FramesQuestion;
  readonly #measure;
  readonly #aside = new AnnotatorTally();
  #n = 0;
  #agreeing = 0;
  #pairs = 0;
  #skipped = 0;

  constructor(q: FramesQuestion) {
    this.#q = q;
    this.#measure = coded.nominal(q.labels.length);
  }

  addItem(
    answers: readonly Answer[],
    _data: unknown,
    _tally: AnnotatorTally,
    media?: Readonly<Record<string, MediaFacts>>,
  ): number[] {
    const read = answers.flatMap((a) => {
      const f = asFrames(a.value);
      return f ? [{ annotator: a.annotator, frames: f }] : [];
    });
    this.#n += read.length;
    if (read.length < 2) return [];
    const last = Math.max(
      lastLabelledFrame(read.map((r) => r.frames)),
      lastFrameOf(media?.[this.#q.field]) ?? -1,
    );
    const maps = read.map((r) => ({
      annotator: r.annotator,
      by: labelsByFrame(r.frames, this.#q.mode, last),
    }));
    if (maps.some((m) => m.by === null)) {
      this.#skipped++;
      return [];
    }
    const frames = new Set<number>();
    for (const m of maps) for (const f of (m.by as Map<number, string>).keys()) frames.add(f);
    let sum = 0;
    let units = 0;
    for (const frame of [...frames].sort((a, b) => a - b)) {
      const values = maps.flatMap((m) => {
        const label = (m.by as Map<number, string>).get(frame);
        const code = label === undefined ? -1 : this.#q.labels.indexOf(label);
        return code < 0 ? [] : [{ annotator: m.annotator, unit: '', code }];
      });
      if (values.length < 2) continue;
      for (const s of this.#measure.addItem(values, this.#aside)) {
        const k = values.length;
        const pairs = (k * (k - 1)) / 2;
        this.#pairs += pairs;
        this.#agreeing += pairs * (1 - s);
        sum += s;
        units++;
      }
    }
    return units === 0 ? [] : [sum / units];
  }

  result(): QuestionReport {
    const r = this.#measure.result();
    return {
      type: this.#q.type,
      ...r,
      n: this.#n,
      frameAgreement: {
        share: this.#pairs === 0 ? null : this.#agreeing / this.#pairs,
        pairs: Math.round(this.#pairs),
        ...(this.#skipped > 0 ? { itemsTooLong: this.#skipped } : {}),
      },
    };
  }
}
