import type { QuestionDefinition } from '../interface/index.ts';
import type { ConsensusMethod } from '../quality/consensus/index.ts';
import { canonicalJson } from '../suggestions.ts';
import { type ExportInterface, ItemView } from './item-view.ts';
import type { ExportConsensus, ExportedItem, ItemTransformer } from './record.ts';

/**
 * One answer per item and question for the training formats' consensus lines (docs/exports.md,
 * "From the consensus"), taken in this order:
 *
 *   adjudicated  the item's final answer, decided by an adjudicator: the item's answers, all of
 *                them (a question it leaves unanswered gets none)
 *   gold         the question's gold answer on a gold item, held fixed as the consensus holds it
 *   <method>     the consensus kernels' answer, for the kinds that have one (choice, rating,
 *                multi-choice with the method asked for; pairwise and ranking by bradley-terry)
 *   unanimous    for the kinds without one (written answers: rewrite, turns, live), the answer
 *                when every annotator gave the same (one annotator's is unanimous)
 *
 * and otherwise none: the item makes no line for that question (a written answer nobody
 * adjudicated and the annotators disagree on is not guessed at).
 */
export type AgreedBy = ConsensusMethod | 'adjudicated' | 'gold' | 'unanimous';

export interface Agreed {
  answer: unknown;
  by: AgreedBy;
  /** 0..1: the consensus's confidence; 1 for an adjudicated, gold or unanimous answer. */
  confidence: number;
  /** The submitted annotations of the item that answer the question (people's, and model judges' with judgeInConsensus). */
  annotators: number;
}

/** The kinds the consensus kernels give an answer (core/quality/consensus/consensus.ts). */
const VOTED = new Set<QuestionDefinition['type']>([
  'choice',
  'rating',
  'multi_choice',
  'pairwise',
  'ranking',
]);
const OVER_CANDIDATES = new Set<QuestionDefinition['type']>(['pairwise', 'ranking']);

/** The method that made a kind's consensus. */
export const methodOf = (question: QuestionDefinition, asked: ConsensusMethod): ConsensusMethod =>
  OVER_CANDIDATES.has(question.type) ? 'bradley-terry' : asked;

/** The question's agreed answer on the item, or undefined when it has none (see AgreedBy). */
export function agreedAnswer(
  item: ExportedItem,
  question: QuestionDefinition,
  consensus: ExportConsensus,
): Agreed | undefined {
  const answers: unknown[] = [];
  for (const a of item.annotations) {
    const answer = a.status === 'submitted' ? a.answers[question.name] : undefined;
    if (answer !== undefined && answer !== null) answers.push(answer);
  }
  const annotators = answers.length;
  if (annotators === 0) return undefined;
  if (item.final !== undefined) {
    const final = item.final[question.name];
    return final === undefined || final === null
      ? undefined
      : { answer: final, by: 'adjudicated', confidence: 1, annotators };
  }
  const gold = item.gold?.[question.name];
  if (gold !== undefined && gold !== null) return { answer: gold, by: 'gold', confidence: 1, annotators };
  if (VOTED.has(question.type)) {
    const agreed = consensus.of(item.id)?.[question.name];
    return (
      agreed && {
        answer: agreed.answer,
        by: methodOf(question, consensus.method),
        confidence: agreed.confidence,
        annotators,
      }
    );
  }
  const first = canonicalJson(answers[0]);
  return answers.every((a, i) => i === 0 || canonicalJson(a) === first)
    ? { answer: answers[0], by: 'unanimous', confidence: 1, annotators }
    : undefined;
}

/**
 * A training format's transformer from the consensus: each item with submitted annotations, once,
 * handed to `write` with its view and its agreed answers (`agreedOf`, per question).
 */
export function agreedTransformer(
  iface: ExportInterface,
  consensus: ExportConsensus,
  write: (
    view: ItemView,
    agreedOf: (question: QuestionDefinition) => Agreed | undefined,
    emit: (line: string) => void,
  ) => void,
): ItemTransformer {
  return {
    header: '',
    submittedOnly: true,
    item(item, emit) {
      if (!item.annotations.some((a) => a.status === 'submitted')) return;
      write(new ItemView(iface, item), (question) => agreedAnswer(item, question, consensus), emit);
    },
  };
}

/** A confidence as the lines write it: four decimals. */
export const roundConfidence = (p: number): number => Math.round(p * 10_000) / 10_000;
