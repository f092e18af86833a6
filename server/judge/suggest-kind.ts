import { z } from 'zod';
import { MODEL_ANSWER_TYPES } from '../../core/interface/index.ts';
import type { JobKind } from '../jobs/kind.ts';
import { upsertPredictions } from '../predictions/predictions.repository.ts';
import { insertItemSteps } from './judge.repository.ts';
import { answerItem, itemIdOf, laneLimit, type ModelStepResult } from './model-step.ts';

const SuggestParams = z.object({
  connectionId: z.number().int().positive(),
  /** The agent the predictions are stored under: the connection's name. */
  agent: z.string().min(1),
  questions: z.array(z.string()).optional(),
  confidence: z.boolean().default(false),
});
export type SuggestJobParams = z.infer<typeof SuggestParams>;

/**
 * `suggest`: a model pre-fills answers for every item of a project (docs/judge.md). One step per
 * item, the same prompt and schema as a judge's, over every kind a model can answer; the commit
 * stores the answers as the item's prediction of the agent named after the connection (source
 * `model`), replacing an earlier one, with the model's confidence as its score when asked for.
 */
export const suggestKind: JobKind<SuggestJobParams, ModelStepResult> = {
  kind: 'suggest',
  params: SuggestParams,
  async plan(tx, _ctx, job) {
    if (job.projectId === null) return;
    await insertItemSteps(tx, { jobId: job.id, projectId: job.projectId, lane: job.lane, now: Date.now() });
  },
  run(ctx, job, step, signal) {
    return answerItem(ctx, {
      connectionId: job.params.connectionId,
      itemId: itemIdOf(step.key),
      types: MODEL_ANSWER_TYPES,
      questions: job.params.questions,
      confidence: job.params.confidence,
      signal,
    });
  },
  async commit(tx, _ctx, job, step, result) {
    await upsertPredictions(tx, [
      {
        projectId: job.projectId!,
        itemId: itemIdOf(step.key),
        agent: job.params.agent,
        score: result.confidence,
        answers: JSON.stringify(result.answers),
        source: 'model',
        createdAt: Date.now(),
      },
    ]);
  },
  laneLimit,
};
