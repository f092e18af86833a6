import { z } from 'zod';
import { describeValue, isPlainObject } from '../field-error.ts';
import { DisplayLabel, Identifier } from '../names.ts';
import type { FieldKind } from './kind.ts';

export { type Candidate, type CandidateGeneration, candidatesOf } from './candidate.ts';

/** Limits of a `responses` value (docs/data-model.md, "Limits"). */
export const RESPONSES_LIMITS = { min: 2, max: 16, idLength: 100, steps: 500 } as const;

/**
 * Candidate answers to the same prompt, `[{id, model?, content, steps?, generation?}]`. Answers and
 * exports name candidates by `id`, never by position: each annotator sees them in their own
 * shuffled order (shuffle.ts). The model name and how a candidate was generated are hidden from
 * annotators unless `revealModels`. An item may come without them (the field absent or `[]`): it
 * then awaits candidates (awaiting.ts) and is not served until generation writes them.
 */
export const ResponsesField = z
  .strictObject({
    name: Identifier,
    type: z.literal('responses'),
    label: DisplayLabel.optional(),
    format: z.enum(['plain', 'markdown']).default('markdown'),
    revealModels: z.boolean().default(false),
  })
  .meta({ id: 'ResponsesField' });
export type ResponsesField = z.output<typeof ResponsesField>;

export const responsesField: FieldKind<typeof ResponsesField> = {
  type: 'responses',
  config: ResponsesField,
  checkValue: checkCandidates,
};

const KEYS = new Set(['id', 'model', 'content', 'steps', 'generation']);
const GENERATION_KEYS: Record<string, (v: unknown) => boolean> = {
  connection: (v) => typeof v === 'string',
  model: (v) => typeof v === 'string',
  params: isPlainObject,
  promptTokens: (v) => v === null || Number.isInteger(v),
  completionTokens: (v) => v === null || Number.isInteger(v),
  latencyMs: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  job: (v) => Number.isInteger(v),
};

/** What is wrong with a candidate's `generation` record, or undefined. */
function checkGeneration(value: unknown): string | undefined {
  if (!isPlainObject(value)) return `generation must be an object, got ${describeValue(value)}`;
  for (const [key, ok] of Object.entries(GENERATION_KEYS))
    if (!ok(value[key])) return `generation.${key} is not valid: got ${describeValue(value[key])}`;
  const extra = Object.keys(value).find((k) => !Object.hasOwn(GENERATION_KEYS, k));
  return extra === undefined ? undefined : `generation: unknown property "${extra}"`;
}

/** Whether a `responses` value still awaits its candidates: absent, or an empty list. */
export const awaitsCandidates = (value: unknown): boolean =>
  value === undefined || (Array.isArray(value) && value.length === 0);

/** What is wrong with a candidate list, naming the candidate (counted from 1) and its id. */
export function checkCandidates(value: unknown): string | undefined {
  if (!Array.isArray(value))
    return `must be a list of candidates {id, model?, content}, got ${describeValue(value)}`;
  const { min, max } = RESPONSES_LIMITS;
  if (value.length < min || value.length > max)
    return `has ${value.length} candidate${value.length === 1 ? '' : 's'}; between ${min} and ${max} are needed`;
  const seen = new Map<string, number>();
  for (let i = 0; i < value.length; i++) {
    const c: unknown = value[i];
    let at = `candidate ${i + 1}`;
    if (!isPlainObject(c)) return `${at}: must be an object {id, model?, content}, got ${describeValue(c)}`;
    if (typeof c.id !== 'string' || c.id.trim() === '' || c.id.length > RESPONSES_LIMITS.idLength)
      return `${at}: id must be a non-blank string of at most ${RESPONSES_LIMITS.idLength} characters, got ${describeValue(c.id)}`;
    at += ` (id ${JSON.stringify(c.id)})`;
    const first = seen.get(c.id);
    if (first !== undefined) return `${at}: id repeats candidate ${first}`;
    seen.set(c.id, i + 1);
    const extra = Object.keys(c).find((k) => !KEYS.has(k));
    if (extra !== undefined)
      return `${at}: unknown property "${extra}"; a candidate has id, model, content, steps and generation`;
    if (typeof c.content !== 'string')
      return `${at}: content must be a string, got ${describeValue(c.content)}`;
    if (c.model !== undefined && typeof c.model !== 'string')
      return `${at}: model must be a string, got ${describeValue(c.model)}`;
    if (c.steps !== undefined) {
      const steps: unknown = c.steps;
      if (!Array.isArray(steps) || steps.length === 0 || steps.length > RESPONSES_LIMITS.steps)
        return `${at}: steps must be a list of 1 to ${RESPONSES_LIMITS.steps} strings`;
      const bad = steps.findIndex((s) => typeof s !== 'string');
      if (bad >= 0) return `${at}: steps[${bad}] must be a string, got ${describeValue(steps[bad])}`;
    }
    if (c.generation !== undefined) {
      const problem = checkGeneration(c.generation);
      if (problem) return `${at}: ${problem}`;
    }
  }
  return undefined;
}
