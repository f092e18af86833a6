import type { InterfaceDefinition } from '../interface/index.ts';
import { AgreementBuilder, type ItemAnnotation } from './agreement.ts';
import { mainCoefficient } from './main-coefficient.ts';

/** The UTC day (YYYY-MM-DD) of a time in milliseconds since the epoch. */
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export interface DayPoint {
  day: string;
  items: number;
  value: number | null;
}

export interface AgreementSeries {
  question: string;
  type: string;
  coefficient: string;
  points: DayPoint[];
}

/**
 * Agreement per question per day, in the same single pass as the agreement report: each item
 * goes into the builder of its day (the caller's choice: the day of its latest submission), so a
 * day's value is computed over that day's items only, not cumulated. Memory: one builder's
 * aggregates per day.
 */
export class AgreementByDay {
  readonly #iface: Pick<InterfaceDefinition, 'questions'>;
  readonly #days = new Map<string, { builder: AgreementBuilder; items: number }>();
  /** The measured questions and their coefficient's name, read off an empty report (free text has none). */
  readonly #coefficients: [question: string, type: string, coefficient: string][] = [];

  constructor(iface: Pick<InterfaceDefinition, 'questions'>) {
    this.#iface = iface;
    const empty = new AgreementBuilder(iface).result();
    for (const q of iface.questions) {
      const main = mainCoefficient(empty.questions[q.name]!);
      if (main) this.#coefficients.push([q.name, q.type, main.name]);
    }
  }

  addItem(
    itemId: number,
    day: string,
    annotations: readonly ItemAnnotation[],
    data?: Record<string, unknown>,
  ): void {
    let bucket = this.#days.get(day);
    if (!bucket) {
      bucket = { builder: new AgreementBuilder(this.#iface), items: 0 };
      this.#days.set(day, bucket);
    }
    bucket.items++;
    bucket.builder.addItem(itemId, annotations, data);
  }

  /** One series per measured question (free text has none), days in order. */
  result(): AgreementSeries[] {
    const days = [...this.#days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([day, b]) => ({ day, items: b.items, report: b.builder.result() }));
    return this.#coefficients.map(([question, type, coefficient]) => ({
      question,
      type,
      coefficient,
      points: days.map((d) => ({
        day: d.day,
        items: d.items,
        value: mainCoefficient(d.report.questions[question]!)?.value ?? null,
      })),
    }));
  }
}
