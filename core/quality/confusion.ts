import type { InterfaceDefinition, QuestionDefinition } from '../interface/index.ts';
import { majorityVote, VoteTable } from './consensus/index.ts';

/** One annotator's answers to a question against the reference label: counts[reference][answer]. */
export interface AnnotatorConfusion {
  annotator: string;
  kind: 'human' | 'model';
  /** Answers compared with the majority vote (non-gold items with at least two answers). */
  consensus: number;
  /** Answers compared with the gold answer. */
  gold: number;
  counts: number[][];
}

export interface QuestionConfusion {
  question: string;
  type: string;
  labels: string[];
  annotators: AnnotatorConfusion[];
}

/** A choice or rating question's labels and each answer's label index (undefined: not one of them). */
interface Scale {
  question: QuestionDefinition;
  labels: string[];
  code(value: unknown): number | undefined;
}

function scaleOf(q: QuestionDefinition): Scale | undefined {
  if (q.type === 'choice')
    return {
      question: q,
      labels: [...q.options],
      code: (v) => {
        const i = typeof v === 'string' ? q.options.indexOf(v) : -1;
        return i < 0 ? undefined : i;
      },
    };
  if (q.type === 'rating') {
    const labels: string[] = [];
    for (let v = q.min; v <= q.max; v++) labels.push(String(v));
    return {
      question: q,
      labels,
      code: (v) =>
        typeof v === 'number' && Number.isInteger(v) && v >= q.min && v <= q.max ? v - q.min : undefined,
    };
  }
  return undefined;
}

/**
 * Confusion matrices per annotator for the choice and rating questions: fed every submitted
 * answer once (`add`), then each answer is compared with its item's reference, from the majority
 * vote of core/quality/consensus over every counted answer of the item (the annotator's own
 * included), or the gold answer on a gold item. Items with a single answer and no gold are left
 * out (the annotator would be compared with themselves).
 */
export class ConfusionTally {
  readonly #scales: {
    scale: Scale;
    votes: VoteTable;
    gold: Map<string, number>;
    /** The annotators in first-seen order: the table's worker indexes. */
    workers: Set<string>;
  }[];
  readonly #models = new Set<string>();

  constructor(iface: Pick<InterfaceDefinition, 'questions'>) {
    this.#scales = iface.questions.flatMap((q) => {
      const scale = scaleOf(q);
      return scale
        ? [
            {
              scale,
              votes: new VoteTable(scale.labels.length),
              gold: new Map<string, number>(),
              workers: new Set<string>(),
            },
          ]
        : [];
    });
  }

  /** Records an item's gold answers (before or after its annotations). */
  addGold(itemId: number, answers: Record<string, unknown>): void {
    for (const s of this.#scales) {
      const code = s.scale.code(answers[s.scale.question.name]);
      if (code !== undefined) s.gold.set(String(itemId), code);
    }
  }

  add(itemId: number, annotator: string, answers: Record<string, unknown>, model = false): void {
    if (model) this.#models.add(annotator);
    for (const s of this.#scales) {
      const code = s.scale.code(answers[s.scale.question.name]);
      if (code === undefined) continue;
      s.votes.add(String(itemId), annotator, code);
      s.workers.add(annotator);
    }
  }

  result(): QuestionConfusion[] {
    return this.#scales.map(({ scale, votes: table, gold, workers }) => {
      const votes = table.votes(gold);
      const reference = majorityVote(votes).answer;
      const answersPerItem = new Int32Array(votes.items);
      for (let a = 0; a < votes.item.length; a++) answersPerItem[votes.item[a]!]!++;
      const k = scale.labels.length;
      const rows = [...workers].map((annotator) => ({
        annotator,
        kind: this.#models.has(annotator) ? ('model' as const) : ('human' as const),
        consensus: 0,
        gold: 0,
        counts: Array.from({ length: k }, () => new Array<number>(k).fill(0)),
      }));
      for (let a = 0; a < votes.item.length; a++) {
        const item = votes.item[a]!;
        const isGold = (votes.gold?.[item] ?? -1) >= 0;
        if (!isGold && answersPerItem[item]! < 2) continue;
        const row = rows[votes.worker[a]!]!;
        if (isGold) row.gold++;
        else row.consensus++;
        row.counts[reference[item]!]![votes.label[a]!]!++;
      }
      return {
        question: scale.question.name,
        type: scale.question.type,
        labels: scale.labels,
        annotators: rows
          .filter((r) => r.consensus + r.gold > 0)
          .sort((a, b) => cmp(a.annotator, b.annotator)),
      };
    });
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
