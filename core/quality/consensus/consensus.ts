import type { QuestionDefinition } from '../../interface/index.ts';
import { bradleyTerry, WinTable } from './bradley-terry.ts';
import { dawidSkene } from './dawid-skene.ts';
import { majorityVote } from './majority.ts';
import { type LabelConsensus, type Votes, VoteTable } from './votes.ts';
import { weightedVote } from './weighted.ts';

/** The consensus methods, as `--consensus` and the API name them. */
export const CONSENSUS_METHODS = ['majority', 'weighted', 'dawid-skene', 'bradley-terry'] as const;
export type ConsensusMethod = (typeof CONSENSUS_METHODS)[number];

/** One question's consensus on one item. */
export interface ConsensusAnswer {
  answer: unknown;
  /** 0..1; see docs/quality.md for what it means per method. */
  confidence: number;
}

/** One submitted answer to the question: `item` and `annotator` are opaque keys. */
export interface ConsensusVote {
  item: string;
  annotator: string;
  answer: unknown;
}

export interface ConsensusOptions {
  /** An item's candidate ids (pairwise, ranking), in the item's order. */
  candidates?: (item: string) => readonly string[] | undefined;
  /** Known answers by item (gold), held fixed. */
  gold?: ReadonlyMap<string, unknown>;
}

/**
 * A question's consensus per item. Choice and rating take the categorical `method` over the answer
 * values; multi-choice takes it per option (chosen or not); pairwise and ranking always take
 * Bradley–Terry. Other kinds, and categorical kinds asked for `bradley-terry`, get none (an empty
 * map), as do items without answers.
 */
export function questionConsensus(
  question: QuestionDefinition,
  method: ConsensusMethod,
  votes: readonly ConsensusVote[],
  options: ConsensusOptions = {},
): Map<string, ConsensusAnswer> {
  switch (question.type) {
    case 'choice':
      return categorical(question.options, method, votes, options.gold);
    case 'rating': {
      const values = Array.from({ length: question.max - question.min + 1 }, (_, i) => question.min + i);
      return categorical(values, method, votes, options.gold);
    }
    case 'multi_choice':
      return perOption(question.options, method, votes, options.gold);
    case 'pairwise':
      return preferences(votes, options.candidates, true);
    case 'ranking':
      return preferences(votes, options.candidates, false);
    default:
      return new Map();
  }
}

function label(method: ConsensusMethod, v: Votes): LabelConsensus | undefined {
  if (method === 'majority') return majorityVote(v);
  if (method === 'weighted') return weightedVote(v);
  if (method === 'dawid-skene') return dawidSkene(v);
  return undefined;
}

function categorical(
  values: readonly unknown[],
  method: ConsensusMethod,
  votes: readonly ConsensusVote[],
  gold: ReadonlyMap<string, unknown> | undefined,
): Map<string, ConsensusAnswer> {
  const out = new Map<string, ConsensusAnswer>();
  if (method === 'bradley-terry') return out;
  const table = new VoteTable(values.length);
  for (const { item, annotator, answer } of votes) {
    const k = values.indexOf(answer);
    if (k >= 0) table.add(item, annotator, k);
  }
  const known = new Map<string, number>();
  for (const [item, answer] of gold ?? []) {
    const k = values.indexOf(answer);
    if (k >= 0) known.set(item, k);
  }
  const result = label(method, table.votes(known));
  if (result === undefined) return out;
  table.itemNames().forEach((item, i) => {
    const k = result.answer[i]!;
    if (k >= 0) out.set(item, { answer: values[k], confidence: result.confidence[i]! });
  });
  return out;
}

/** Multi-choice: each option a yes/no question; the answer holds the options voted in. */
function perOption(
  options: readonly string[],
  method: ConsensusMethod,
  votes: readonly ConsensusVote[],
  gold: ReadonlyMap<string, unknown> | undefined,
): Map<string, ConsensusAnswer> {
  const out = new Map<string, ConsensusAnswer>();
  const chosen = (answer: unknown, option: string) =>
    Array.isArray(answer) && answer.includes(option) ? 1 : 0;
  for (const option of options) {
    const yesNo = votes
      .filter((v) => Array.isArray(v.answer))
      .map((v) => ({ ...v, answer: chosen(v.answer, option) }));
    const known = new Map<string, unknown>();
    for (const [item, answer] of gold ?? [])
      if (Array.isArray(answer)) known.set(item, chosen(answer, option));
    for (const [item, c] of categorical([0, 1], method, yesNo, known)) {
      const sofar = out.get(item) ?? { answer: [] as string[], confidence: 1 };
      if (c.answer === 1) (sofar.answer as string[]).push(option);
      sofar.confidence = Math.min(sofar.confidence, c.confidence);
      out.set(item, sofar);
    }
  }
  return out;
}

/** Pairwise and ranking: Bradley–Terry over each item's candidates. */
function preferences(
  votes: readonly ConsensusVote[],
  candidates: ConsensusOptions['candidates'],
  pairwise: boolean,
): Map<string, ConsensusAnswer> {
  const byItem = new Map<string, unknown[]>();
  for (const { item, answer } of votes) {
    if (answer === null || typeof answer !== 'object') continue;
    const list = byItem.get(item) ?? [];
    list.push(answer);
    byItem.set(item, list);
  }
  const out = new Map<string, ConsensusAnswer>();
  for (const [item, answers] of byItem) {
    const ids = [...(candidates?.(item) ?? idsIn(answers))];
    const table = new WinTable(ids);
    for (const answer of answers) {
      if (pairwise) {
        const { preferred } = answer as { preferred?: unknown };
        const [a, b] = ids;
        if (a === undefined || b === undefined) continue;
        if (preferred === null) table.compare(a, b, true);
        else if (preferred === a || preferred === b) table.compare(preferred, preferred === a ? b : a);
      } else {
        const { order } = answer as { order?: unknown };
        if (Array.isArray(order)) table.ranking(order.filter(Array.isArray) as string[][]);
      }
    }
    const fit = bradleyTerry(table);
    const order = fit.order.map((tier) => tier.map((i) => ids[i]!));
    const scores = Object.fromEntries(ids.map((id, i) => [id, fit.scores[i]!]));
    const top = order[0] ?? [];
    const answer = pairwise
      ? { preferred: top.length === 1 ? top[0] : null, order, scores }
      : { order, scores };
    out.set(item, { answer, confidence: fit.confidence });
  }
  return out;
}

/** Candidate ids named by the answers, when the item's own list is not given. */
function idsIn(answers: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const answer of answers) {
    const { preferred, order } = answer as { preferred?: unknown; order?: unknown };
    if (typeof preferred === 'string') ids.add(preferred);
    if (Array.isArray(order))
      for (const tier of order) if (Array.isArray(tier)) for (const id of tier) ids.add(String(id));
  }
  return [...ids];
}
