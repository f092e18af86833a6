import type { z } from 'zod';
import type { Distribution } from '../../core/api/stats.ts';
import { type InterfaceDefinition, maxStrength, pairwiseLabels } from '../../core/interface/index.ts';

type Question = InterfaceDefinition['questions'][number];
type DistributionOut = z.input<typeof Distribution>;
type Bucket = DistributionOut['buckets'][number];

/** How many bars a number question's histogram has at most. */
export const NUMBER_BINS = 5;
/** Kinds whose answer is a list of things each with a `label`. */
const LABELLED = new Set(['spans', 'segments', 'frames', 'tracks']);

/**
 * Counts the submitted answers to each question of an interface, one annotation at a time
 * (`add`), then gives a distribution per question (`result`):
 * - choice, multi-choice: per option, in the interface's order (each selected option of a
 *   multi-choice answer counts once);
 * - rating: per value of the scale, min to max;
 * - number: a histogram of at most NUMBER_BINS equal ranges from the smallest answer to the largest;
 * - spans: per label, the spans carrying it;
 * - text: answered (a non-blank text) and empty;
 * - pairwise: per strength of the preference (a tie, then slightly, clearly, much better);
 * - ranking, rubric, steps, rewrite, turns, live: how many were answered.
 * A value the interface no longer offers (an option since removed) keeps its own bar, after the
 * interface's. Pure: the service feeds it the stored answers in batches.
 */
export class AnswerTally {
  private readonly counts = new Map<string, Map<string | number, number>>();
  private readonly answered = new Map<string, number>();

  constructor(private readonly questions: readonly Question[]) {
    for (const q of questions) {
      this.counts.set(q.name, new Map());
      this.answered.set(q.name, 0);
    }
  }

  /** One submitted annotation's answers, parsed. */
  add(answers: Record<string, unknown>): void {
    for (const q of this.questions) {
      const value = answers[q.name];
      const counts = this.counts.get(q.name)!;
      const bump = (key: string | number) => counts.set(key, (counts.get(key) ?? 0) + 1);
      if (q.type === 'text') {
        const filled = typeof value === 'string' && value.trim() !== '';
        bump(filled ? 'answered' : 'empty');
        if (filled) this.count(q.name);
        continue;
      }
      if (value === undefined || value === null) continue;
      if (typeof value === 'object' && !Array.isArray(value)) {
        // The tutoring kinds: counted, and a preference by its strength.
        this.count(q.name);
        const strength = (value as { strength?: unknown }).strength;
        bump(q.type === 'pairwise' && typeof strength === 'number' ? strength : 'answered');
        continue;
      }
      if (q.type === 'multi_choice' || LABELLED.has(q.type)) {
        if (!Array.isArray(value)) continue;
        if (value.length > 0) this.count(q.name);
        if (q.type === 'segments' && !q.labels) {
          if (value.length > 0) bump('answered');
          continue;
        }
        for (const v of value) {
          const key = LABELLED.has(q.type) ? (v as { label?: unknown } | null)?.label : v;
          if (typeof key === 'string') bump(key);
        }
        continue;
      }
      if (typeof value === 'string' || typeof value === 'number') {
        this.count(q.name);
        bump(value);
      }
    }
  }

  private count(name: string): void {
    this.answered.set(name, this.answered.get(name)! + 1);
  }

  result(): DistributionOut[] {
    return this.questions.map((q) => ({
      question: q.name,
      label: q.label ?? null,
      type: q.type,
      answered: this.answered.get(q.name)!,
      buckets: bucketsOf(q, this.counts.get(q.name)!),
    }));
  }
}

function bucketsOf(q: Question, counts: Map<string | number, number>): Bucket[] {
  switch (q.type) {
    case 'choice':
    case 'multi_choice':
      return known(q.options, counts);
    case 'spans':
    case 'frames':
    case 'tracks':
      return known(q.labels, counts);
    case 'segments':
      return q.labels
        ? known(q.labels, counts)
        : [{ value: 'answered', label: 'Answered', count: counts.get('answered') ?? 0 }];
    case 'rating': {
      const scale = Array.from({ length: q.max - q.min + 1 }, (_, i) => q.min + i);
      return known(scale, counts);
    }
    case 'number':
      return histogram(counts);
    case 'pairwise': {
      // A strength is named by the question's own scale: its B side read without the side.
      const labels = pairwiseLabels(q);
      const max = maxStrength(q.scale);
      return Array.from({ length: max + 1 }, (_, s) => ({
        value: s,
        label: strengthLabel(labels[max + s]!),
        count: counts.get(s) ?? 0,
      }));
    }
    case 'ranking':
    case 'rubric':
    case 'steps':
    case 'rewrite':
    case 'turns':
    case 'live':
      return [{ value: 'answered', label: 'Answered', count: counts.get('answered') ?? 0 }];
    case 'text':
      return [
        { value: 'answered', label: 'Answered', count: counts.get('answered') ?? 0 },
        { value: 'empty', label: 'Empty', count: counts.get('empty') ?? 0 },
      ];
  }
}

/** A bar per value the interface offers (zero included), then one per other value found. */
function known(values: readonly (string | number)[], counts: Map<string | number, number>): Bucket[] {
  const offered = new Set<string | number>(values);
  const others = [...counts.keys()].filter((v) => !offered.has(v)).sort(compare);
  return [...values, ...others].map((value) => ({
    value,
    label: String(value),
    count: counts.get(value) ?? 0,
  }));
}

const compare = (a: string | number, b: string | number): number =>
  typeof a === 'number' && typeof b === 'number'
    ? a - b
    : String(a) < String(b)
      ? -1
      : String(a) > String(b)
        ? 1
        : 0;

/**
 * Equal ranges from the smallest answer to the largest, each [from, to) but the last [from, to];
 * fewer bars when there are fewer distinct values. A bar's value is where its range starts.
 */
export function histogram(counts: Map<string | number, number>): Bucket[] {
  const values = [...counts.keys()].filter((v): v is number => typeof v === 'number').sort((a, b) => a - b);
  if (values.length === 0) return [];
  const min = values[0]!;
  const max = values[values.length - 1]!;
  if (values.length <= NUMBER_BINS) {
    return values.map((v) => ({ value: v, label: String(v), count: counts.get(v)! }));
  }
  const width = (max - min) / NUMBER_BINS;
  const bins = Array.from({ length: NUMBER_BINS }, (_, i) => ({
    from: min + i * width,
    to: i === NUMBER_BINS - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(NUMBER_BINS - 1, Math.floor((v - min) / width));
    bins[i]!.count += counts.get(v)!;
  }
  return bins.map((b, i) => ({
    value: round(b.from),
    label: `${round(b.from)} to ${i === NUMBER_BINS - 1 ? '' : 'under '}${round(b.to)}`,
    count: b.count,
  }));
}

/** A range's ends to four significant digits: labels, not data. */
const round = (n: number): number => Number(n.toPrecision(4));

/** "B much better" → "Much better"; a label without the side stays as it is. */
function strengthLabel(label: string): string {
  const words = label.replace(/^B\s+/, '');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
