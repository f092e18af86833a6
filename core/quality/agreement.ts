import type { InterfaceDefinition } from '../interface/index.ts';
import { AnnotatorTally, type UnitListener } from './annotator-tally.ts';
import type { Answer, MediaFacts } from './measure.ts';
import { measureFor, type QuestionMeasure } from './question-measures.ts';
import type { AgreementReport } from './report.ts';

export type { AgreementReport, AnnotatorReport, QuestionReport } from './report.ts';

/** One submitted annotation of an item. */
export interface ItemAnnotation {
  /** The annotator's label (email, or name without one). */
  annotator: string;
  answers: Record<string, unknown>;
  /** Set for a model judge's annotation; such annotators are marked in the report. */
  model?: boolean;
}

/**
 * The agreement of a project, built in one pass over its items: feed each item's submitted
 * annotations in turn, then read `result()`. Each question keeps only aggregates (coincidence
 * tables, Fleiss sums, per-pair confusion matrices, sums of F1 and tau), so memory does not grow
 * with the number of items.
 */
export class AgreementBuilder {
  readonly #measures: [string, QuestionMeasure][];
  readonly #tally: AnnotatorTally;
  readonly #models = new Set<string>();

  /** `listener` is told every pairable categorical unit with its item, question and part. */
  constructor(iface: Pick<InterfaceDefinition, 'questions'>, listener?: UnitListener) {
    this.#measures = iface.questions.map((q) => [q.name, measureFor(q)]);
    this.#tally = new AnnotatorTally(listener);
  }

  /**
   * Adds one item; returns its disagreement score: the mean, over every pairable unit of every
   * measured question, of the share of answer pairs that differ (spans: 1 − overlap F1; ranking:
   * (1 − tau)/2), 0 when all agree; null with fewer than two annotations or nothing measurable.
   * `data` (the item's fields) orders a pairwise question's candidates; `media` (the item's media
   * facts by field) bounds a segments question's continuum and a video's last frame.
   */
  addItem(
    itemId: string | number,
    annotations: readonly ItemAnnotation[],
    data?: Record<string, unknown>,
    media?: Readonly<Record<string, MediaFacts>>,
  ): number | null {
    for (const a of annotations) {
      this.#tally.saw(a.annotator);
      if (a.model) this.#models.add(a.annotator);
    }
    const scores: number[] = [];
    const place = this.#tally.place;
    place.item = itemId;
    for (const [name, measure] of this.#measures) {
      const answers: Answer[] = [];
      for (const a of annotations) {
        const value = a.answers[name];
        if (value !== undefined && value !== null) answers.push({ annotator: a.annotator, value });
      }
      if (answers.length === 0) continue;
      place.question = name;
      scores.push(...measure.addItem(answers, data, this.#tally, media));
    }
    if (annotations.length < 2 || scores.length === 0) return null;
    let sum = 0;
    for (const s of scores) sum += s;
    return sum / scores.length;
  }

  result(): AgreementReport {
    const questions: AgreementReport['questions'] = {};
    for (const [name, measure] of this.#measures) questions[name] = measure.result();
    const annotators: AgreementReport['annotators'] = {};
    for (const [name, agreement] of Object.entries(this.#tally.result()))
      annotators[name] = this.#models.has(name) ? { ...agreement, kind: 'model' } : agreement;
    return { questions, annotators };
  }
}
