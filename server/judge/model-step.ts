import {
  type Answers,
  answerSchema,
  askedQuestions,
  type InterfaceDefinition,
  migrateInterface,
  modelAnswersMessage,
  modelPrompt,
  readModelAnswers,
} from '../../core/interface/index.ts';
import type { AppContext } from '../context.ts';
import { StepFailure } from '../jobs/kind.ts';
import { modelStepFailure } from '../models/step-failure.ts';
import { findItemForModel } from './judge.repository.ts';

/**
 * One item answered by a model (a judge's step, a suggestion's): the item's questions of the
 * kinds asked, the prompt and the JSON schema derived from them (core/interface), one completion
 * with structured output, and the reply read back through submit validation. A reply that breaks
 * the schema or the validation is a retryable StepFailure (a model may do better on a second
 * try); the job system retries it up to its attempt limit and then fails the step with the
 * message, which names the question and what was wrong.
 */

export interface ModelStepInput {
  connectionId: number;
  itemId: number;
  /** The question kinds to answer (JUDGE_ANSWER_TYPES, MODEL_ANSWER_TYPES). */
  types: readonly string[];
  /** Only these questions; undefined: every question of those kinds. */
  questions?: readonly string[] | undefined;
  /** The candidates' order per `responses` field as the model is shown them; undefined: the item's. */
  order?: (iface: InterfaceDefinition, data: Record<string, unknown>) => Record<string, string[]>;
  confidence?: boolean;
  signal: AbortSignal;
}

export interface ModelStepResult {
  answers: Answers;
  confidence: number | null;
  /** The order the candidates were shown in, `{field: [ids]}`. */
  shown: Record<string, string[]>;
  interfaceVersion: number;
  /** The model the endpoint says answered, and the call's cost. */
  model: string;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
}

/** An item's data as stored JSON, parsed. */
const dataOf = (text: string) => JSON.parse(text) as Record<string, unknown>;

export async function answerItem(ctx: AppContext, input: ModelStepInput): Promise<ModelStepResult> {
  const row = await findItemForModel(ctx.store.db, input.itemId);
  if (!row) throw new StepFailure(`Item ${input.itemId} no longer exists.`, { retryable: false });
  const iface = migrateInterface(JSON.parse(row.interface), row.interfaceVersion) as InterfaceDefinition;
  const questions = askedQuestions(iface, input.questions, input.types);
  if (questions.length === 0)
    throw new StepFailure('The project has no question this model can answer.', { retryable: false });
  const data = dataOf(row.data);
  const shown = input.order ? input.order(iface, data) : {};
  const messages = modelPrompt(iface, questions, data, {
    guidelines: row.guidelines,
    order: shown,
    confidence: input.confidence === true,
  });
  const schema = answerSchema(questions, data, { confidence: input.confidence === true, order: shown });
  const handle = await ctx.models.open(input.connectionId);
  let completion: Awaited<ReturnType<typeof handle.complete>>;
  try {
    completion = await handle.complete({
      messages,
      jsonSchema: { name: 'answers', schema },
      signal: input.signal,
    });
  } catch (err) {
    throw modelStepFailure(err);
  }
  const read = readModelAnswers(iface, questions, data, completion.content, {
    confidence: input.confidence === true,
  });
  if (!read.ok) throw new StepFailure(modelAnswersMessage(read.problems), { retryable: true });
  return {
    answers: read.answers,
    confidence: read.confidence,
    shown,
    interfaceVersion: row.interfaceVersion,
    model: completion.model,
    promptTokens: completion.promptTokens,
    completionTokens: completion.completionTokens,
    latencyMs: completion.latencyMs,
  };
}

/** The item id of a step keyed `item:<id>`. */
export function itemIdOf(key: string): number {
  const m = /^item:(\d+)$/.exec(key);
  if (!m) throw new StepFailure(`Unknown step "${key}".`, { retryable: false });
  return Number(m[1]);
}

/** The lane a connection's steps share (its concurrency), and how the job system reads it back. */
export const laneOf = (connectionId: number) => `model:${connectionId}`;
export async function laneLimit(ctx: AppContext, lane: string): Promise<number> {
  const id = Number(/^model:(\d+)$/.exec(lane)?.[1]);
  if (!Number.isSafeInteger(id)) return 1;
  return (await ctx.models.open(id)).connection.concurrency;
}
