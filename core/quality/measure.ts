import type { AnnotatorTally } from './annotator-tally.ts';
import type { QuestionReport } from './report.ts';

/** One annotator's answer to one question of one item. */
export interface Answer {
  annotator: string;
  value: unknown;
}

/** The agreement of one question, fed one item at a time. */
export interface QuestionMeasure {
  /** Adds an item's answers; returns the disagreement (0…1) of each of its pairable units. */
  addItem(
    answers: readonly Answer[],
    data: Record<string, unknown> | undefined,
    tally: AnnotatorTally,
  ): number[];
  result(): QuestionReport;
}
