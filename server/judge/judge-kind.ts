import { z } from 'zod';
import { JUDGE_ANSWER_TYPES, shownOrders } from '../../core/interface/index.ts';
import type { JobKind } from '../jobs/kind.ts';
import { insertItemSteps, writeJudgeAnnotation } from './judge.repository.ts';
import { answerItem, itemIdOf, laneLimit, type ModelStepResult } from './model-step.ts';

const JudgeParams = z.object({
  /** The model account the answers are filed under. */
  userId: z.number().int().positive(),
  connectionId: z.number().int().positive(),
  questions: z.array(z.string()).optional(),
});
export type JudgeJobParams = z.infer<typeof JudgeParams>;

/**
 * `judge`: a model judge answers every item of a project (docs/judge.md). One step per item
 * (`item:<id>`), in the connection's lane; the step answers the pairwise, rating and choice
 * questions through structured output, and its commit stores them as the model account's
 * submitted annotation. Candidates are shown to the model in the order its account would be
 * shown them, like any annotator, so position bias can be measured the same way.
 */
export const judgeKind: JobKind<JudgeJobParams, ModelStepResult> = {
  kind: 'judge',
  params: JudgeParams,
  async plan(tx, _ctx, job) {
    if (job.projectId === null) return;
    await insertItemSteps(tx, { jobId: job.id, projectId: job.projectId, lane: job.lane, now: Date.now() });
  },
  run(ctx, job, step, signal) {
    const itemId = itemIdOf(step.key);
    return answerItem(ctx, {
      connectionId: job.params.connectionId,
      itemId,
      types: JUDGE_ANSWER_TYPES,
      questions: job.params.questions,
      order: (iface, data) => shownOrders(iface, data, itemId, job.params.userId),
      signal,
    });
  },
  async commit(tx, _ctx, job, step, result) {
    await writeJudgeAnnotation(tx, {
      projectId: job.projectId!,
      itemId: itemIdOf(step.key),
      userId: job.params.userId,
      answers: JSON.stringify(result.answers),
      shown: JSON.stringify(result.shown),
      interfaceVersion: result.interfaceVersion,
      now: Date.now(),
    });
  },
  laneLimit,
};
