import { candidatesOf, type InterfaceDefinition } from '../../core/interface/index.ts';
import { type ConsensusAnswer, questionConsensus } from '../../core/quality/consensus/index.ts';

/** The kinds whose majority vote has a confidence the setting's `confidenceBelow` compares. */
const MAJORITY_KINDS = new Set(['choice', 'rating', 'multi_choice']);

export interface ItemAnswers {
  annotator: string;
  answers: Record<string, unknown>;
}

/**
 * One item's consensus per question (core/quality/consensus): the majority vote for choice, rating
 * and multi-choice, Bradley–Terry over the item's candidates for pairwise and ranking; questions
 * without one are left out.
 */
export function itemConsensus(
  iface: Pick<InterfaceDefinition, 'questions'>,
  annotations: readonly ItemAnswers[],
  data: Record<string, unknown> | undefined,
): Record<string, ConsensusAnswer> {
  const out: Record<string, ConsensusAnswer> = {};
  for (const question of iface.questions) {
    const votes = annotations.flatMap((a) => {
      const answer = a.answers[question.name];
      return answer === null || answer === undefined
        ? []
        : [{ item: 'item', annotator: a.annotator, answer }];
    });
    const field = 'field' in question && typeof question.field === 'string' ? question.field : undefined;
    const candidates = () => (data && field ? candidatesOf(data, field).map((c) => c.id) : undefined);
    const got = questionConsensus(question, 'majority', votes, { candidates }).get('item');
    if (got) out[question.name] = got;
  }
  return out;
}

/** The lowest majority-vote confidence over the item's choice, rating and multi-choice questions; null if none. */
export function lowestConfidence(
  iface: Pick<InterfaceDefinition, 'questions'>,
  consensus: Readonly<Record<string, ConsensusAnswer>>,
): number | null {
  let low: number | null = null;
  for (const q of iface.questions) {
    const c = consensus[q.name];
    if (c && MAJORITY_KINDS.has(q.type)) low = low === null ? c.confidence : Math.min(low, c.confidence);
  }
  return low;
}
