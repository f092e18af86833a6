import { candidatesOf } from './fields/candidate.ts';
import type { InterfaceDefinition } from './interface.ts';
import { maxStrength } from './questions/pairwise-scale.ts';
import type { QuestionDefinition } from './questions/registry.ts';

/**
 * The answers a model may give, as a JSON Schema a model is asked to fill (OpenAI's strict
 * structured output: every object `type: object` with every property required and
 * `additionalProperties: false`, options as enums). The schema depends on the item as well as
 * the interface: a pairwise or ranking question's enum is the item's candidate ids.
 *
 * The reply is `{"answers": {question: answer}}` (and `"confidence"` when asked for), and goes
 * through the same validation as a person's submitted answers (model-answers.ts): the schema
 * steers the model, the validation decides.
 */

export type JsonSchema = Record<string, unknown>;

/** The question kinds a model can answer through structured output. */
export const MODEL_ANSWER_TYPES: readonly string[] = [
  'choice',
  'multi_choice',
  'rating',
  'number',
  'text',
  'pairwise',
  'ranking',
];

/** The kinds a model judge answers (the rest are left unanswered): preferences and grades. */
export const JUDGE_ANSWER_TYPES: readonly string[] = ['pairwise', 'rating', 'choice'];

/** Whether a model can be asked this question. */
export const modelAnswerable = (q: Pick<QuestionDefinition, 'type'>): boolean =>
  MODEL_ANSWER_TYPES.includes(q.type);

/**
 * The candidates of a `responses` field in the order the model is shown them: `order` (the ids
 * as the model account would be shown them, like any annotator) where it names each candidate,
 * else the item's own order.
 */
export function orderedIds(
  data: Record<string, unknown>,
  field: string,
  order?: Record<string, readonly string[]>,
): string[] {
  const ids = candidatesOf(data, field).map((c) => c.id);
  const shown = order?.[field];
  if (shown && shown.length === ids.length && ids.every((id) => shown.includes(id))) return [...shown];
  return ids;
}

/** A strict object schema: every property required, nothing else allowed. */
export function strictObject(properties: Record<string, JsonSchema>, description?: string): JsonSchema {
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  };
}

const preferenceSchema = (ids: readonly string[], max: number): Record<string, JsonSchema> => ({
  preferred: {
    anyOf: [{ type: 'string', enum: [...ids] }, { type: 'null' }],
    description: 'the id of the better candidate, or null when they are about the same',
  },
  strength: {
    type: 'integer',
    minimum: 0,
    maximum: max,
    description: `how much better the preferred candidate is, 0 (about the same) to ${max}`,
  },
});

/** The schema of one question's answer, or undefined for a kind a model is not asked. */
export function questionSchema(
  q: QuestionDefinition,
  data: Record<string, unknown>,
  order?: Record<string, readonly string[]>,
): JsonSchema | undefined {
  const description = q.label ?? q.name;
  switch (q.type) {
    case 'choice':
      return { type: 'string', enum: [...q.options], description };
    case 'multi_choice':
      return {
        type: 'array',
        description,
        items: { type: 'string', enum: [...q.options] },
        ...(q.minSelected !== undefined ? { minItems: q.minSelected } : {}),
        ...(q.maxSelected !== undefined ? { maxItems: q.maxSelected } : {}),
      };
    case 'rating':
      return { type: 'integer', minimum: q.min, maximum: q.max, description };
    case 'number':
      return {
        type: q.integer ? 'integer' : 'number',
        description,
        ...(q.min !== undefined ? { minimum: q.min } : {}),
        ...(q.max !== undefined ? { maximum: q.max } : {}),
      };
    case 'text':
      return { type: 'string', description };
    case 'pairwise': {
      const ids = orderedIds(data, q.field, order);
      const max = maxStrength(q.scale);
      const props: Record<string, JsonSchema> = {
        ...preferenceSchema(ids, max),
        justification: { type: 'string', description: 'why, in a few sentences' },
      };
      if (q.criteria && q.criteria.length > 0)
        props.criteria = strictObject(
          Object.fromEntries(
            q.criteria.map((c) => [c.name, strictObject(preferenceSchema(ids, max), c.label ?? c.name)]),
          ),
        );
      return strictObject(props, description);
    }
    case 'ranking': {
      const ids = orderedIds(data, q.field, order);
      return strictObject(
        {
          order: {
            type: 'array',
            description: q.allowTies
              ? 'every candidate id once, best first; ids in one inner list are tied'
              : 'every candidate id once, best first, each in a list of its own',
            items: { type: 'array', items: { type: 'string', enum: ids }, minItems: 1 },
          },
        },
        description,
      );
    }
    default:
      return undefined;
  }
}

/** The questions of `names` (all answerable ones when absent) that a model can be asked, in interface order. */
export function askedQuestions(
  iface: Pick<InterfaceDefinition, 'questions'>,
  names?: readonly string[],
  types: readonly string[] = MODEL_ANSWER_TYPES,
): QuestionDefinition[] {
  return iface.questions.filter(
    (q) => types.includes(q.type) && modelAnswerable(q) && (names === undefined || names.includes(q.name)),
  );
}

/**
 * The schema of a model's reply to `questions` about one item: `{"answers": {…}}`, plus
 * `"confidence"` (0 to 1, the model's own estimate that its answers are right) when asked for.
 */
export function answerSchema(
  questions: readonly QuestionDefinition[],
  data: Record<string, unknown>,
  opts: { confidence?: boolean; order?: Record<string, readonly string[]> } = {},
): JsonSchema {
  const answers: Record<string, JsonSchema> = {};
  for (const q of questions) {
    const s = questionSchema(q, data, opts.order);
    if (s) answers[q.name] = s;
  }
  const root: Record<string, JsonSchema> = { answers: strictObject(answers) };
  if (opts.confidence)
    root.confidence = {
      type: 'number',
      minimum: 0,
      maximum: 1,
      description: 'your estimate, from 0 to 1, that your answers are right',
    };
  return strictObject(root);
}
