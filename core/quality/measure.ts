import type { AnnotatorTally } from './annotator-tally.ts';
import type { QuestionReport } from './report.ts';

/** One annotator's answer to one question of one item. */
export interface Answer {
  annotator: string;
  value: unknown;
}

/** What is known of an item's media field when the report is built (its probe); null: not known. */
export interface MediaFacts {
  durationSeconds: number | null;
  frameRate: string | null;
}

/** The agreement of one question, fed one item at a time. */
export interface QuestionMeasure {
  /**
   * Adds an item's answers; returns the disagreement (0…1) of each of its pairable units. `media`:
   * the item's media facts by field, when the caller read them (segments, frames, tracks use them).
   */
  addItem(
    answers: readonly Answer[],
    data: Record<string, unknown> | undefined,
    tally: AnnotatorTally,
    media?: Readonly<Record<string, MediaFacts>>,
  ): number[];
  result(): QuestionReport;
}

/**
 * For the kinds compared a pair of answers at a time (spans, ranking): the answers `read` can take,
 * and the disagreement (0…1) `compare` gives each pair of them, left out where it gives null.
 */
export function pairDisagreements<T>(
  answers: readonly Answer[],
  read: (value: unknown) => T | undefined,
  compare: (a: T, b: T) => number | null,
): { values: T[]; scores: number[] } {
  const values: T[] = [];
  for (const a of answers) {
    const v = read(a.value);
    if (v !== undefined) values.push(v);
  }
  const scores: number[] = [];
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++) {
      const d = compare(values[i] as T, values[j] as T);
      if (d !== null) scores.push(d);
    }
  return { values, scores };
}
