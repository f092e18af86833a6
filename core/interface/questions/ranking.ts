import { z } from 'zod';
import { describeValue, isPlainObject, ownValue } from '../field-error.ts';
import { Identifier } from '../names.ts';
import { candidateIds, candidateRefs, notACandidate, overCandidates } from './candidates.ts';
import { type AnswerIssue, accept, type QuestionKind, questionCommon } from './kind.ts';

/**
 * Order every candidate best first: `{order: [[id], [id, id], …]}`; ids in one inner list are tied
 * (only when `allowTies`). A draft may leave candidates out; a submitted ranking holds each once.
 */
export const RankingQuestion = z
  .strictObject({
    name: Identifier,
    type: z.literal('ranking'),
    ...questionCommon,
    ...overCandidates,
    allowTies: z.boolean().default(false),
  })
  .meta({ id: 'RankingQuestion' });
export type RankingQuestion = z.output<typeof RankingQuestion>;

export interface RankingAnswer {
  order: string[][];
}

export const ranking: QuestionKind<typeof RankingQuestion> = {
  type: 'ranking',
  config: RankingQuestion,
  validate(answer, q, ctx) {
    const order = isPlainObject(answer) ? ownValue(answer, 'order') : undefined;
    if (!isPlainObject(answer) || !Array.isArray(order))
      return {
        ok: false,
        issues: [{ message: `expected {order: [[id], …]} best first, got ${describeValue(answer)}` }],
      };
    const extra = Object.keys(answer).find((k) => k !== 'order');
    const issues: AnswerIssue[] = [];
    if (extra !== undefined)
      issues.push({ at: `.${extra}`, message: 'unknown property; a ranking answer has only order' });
    const ids = candidateIds(ctx.data, q.field);
    const seen = new Set<string>();
    const tiers: string[][] = [];
    order.forEach((tier: unknown, i) => {
      const at = `.order[${i}]`;
      if (!Array.isArray(tier) || tier.length === 0) {
        issues.push({
          at,
          message: `each place is a non-empty list of candidate ids, got ${describeValue(tier)}`,
        });
        return;
      }
      if (tier.length > 1 && !q.allowTies)
        issues.push({
          at,
          message: `ties are not allowed in this question; ${tier.length} candidates share a place`,
        });
      tier.forEach((id: unknown, j) => {
        const problem = notACandidate(id, ids);
        if (problem) issues.push({ at: `${at}[${j}]`, message: problem });
        else if (seen.has(id as string))
          issues.push({ at: `${at}[${j}]`, message: `repeats candidate ${JSON.stringify(id)}` });
        else seen.add(id as string);
      });
      tiers.push(tier as string[]);
    });
    if (!ctx.partial) {
      const missing = ids.filter((id) => !seen.has(id));
      if (missing.length > 0)
        issues.push({
          at: '.order',
          message: `omits candidate${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')}; a ranking places every candidate`,
        });
    }
    return issues.length > 0 ? { ok: false, issues } : accept({ order: tiers } satisfies RankingAnswer);
  },
  isBlank: (answer) => isPlainObject(answer) && Array.isArray(answer.order) && answer.order.length === 0,
  fieldRefs: (q) => candidateRefs(q, ['responses']),
};
