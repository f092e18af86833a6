import { z } from 'zod';
import { listForMessage } from '../field-error.ts';
import { choice } from './choice.ts';
import { frames } from './frames.ts';
import type { QuestionKind } from './kind.ts';
import { live } from './live.ts';
import { multiChoice } from './multi-choice.ts';
import { number } from './number.ts';
import { pairwise } from './pairwise.ts';
import { ranking } from './ranking.ts';
import { rating } from './rating.ts';
import { rewrite } from './rewrite.ts';
import { rubric } from './rubric.ts';
import { segments } from './segments.ts';
import { spans } from './spans.ts';
import { steps } from './steps.ts';
import { text } from './text.ts';
import { tracks } from './tracks.ts';
import { turns } from './turns.ts';

/** Every question type. A new type is one file in this folder and one entry here. */
const kinds = [
  choice,
  multiChoice,
  spans,
  rating,
  number,
  text,
  pairwise,
  ranking,
  rubric,
  steps,
  rewrite,
  turns,
  live,
  segments,
  frames,
  tracks,
] as const;

// The tuple of config schemas, typed element by element so the union's output type stays precise.
type ConfigsOf<T> = { [K in keyof T]: T[K] extends { config: infer C } ? C : never };
const configs = kinds.map((k) => k.config) as unknown as ConfigsOf<typeof kinds>;

export const questionTypes: readonly string[] = kinds.map((k) => k.type);
const byType = new Map<string, QuestionKind>(kinds.map((k) => [k.type, k]));

export const QuestionDefinition = z
  .discriminatedUnion('type', configs, {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `unknown question type; expected one of ${listForMessage(questionTypes)}`
        : undefined,
  })
  .meta({ id: 'Question' });
export type QuestionDefinition = z.output<typeof QuestionDefinition>;

/** The kind for a parsed question's type; throws only if the registry and schema disagree. */
export function questionKindOf(type: string): QuestionKind {
  const kind = byType.get(type);
  if (!kind) throw new Error(`no question kind registered for type "${type}"`);
  return kind;
}
