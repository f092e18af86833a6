import type { ImportedPrediction } from './imported-prediction.ts';

/** An item as decoded from an import line, before the server checks it against the project. */
export interface ItemInput {
  externalId: string | null;
  data: Record<string, unknown>;
  meta: Record<string, unknown>;
  /** Higher comes first. */
  priority: number;
  annotations: ImportedAnnotation[];
  /** Suggested answers by agent (JSONL only; a CSV line has none). */
  predictions: ImportedPrediction[];
  /** The item's gold answers by question name (JSONL only), or null: not a gold item. */
  gold: Record<string, unknown> | null;
  /** The item's own required skills, canonical (JSONL only; docs/skills.md), or null: none. */
  skills: Record<string, number> | null;
}

export interface ImportedAnnotation {
  annotator: string;
  answers: Record<string, unknown>;
  status: 'submitted' | 'draft';
  leadTimeMs: number | null;
  /** ISO 8601 in UTC (`toISOString()` form), whatever offset the input used. */
  createdAt: string | null;
}

/** One decoded line; `error` reads `line N: <what is wrong>`. */
export type DecodedItem =
  | { line: number; ok: true; item: ItemInput }
  | { line: number; ok: false; error: string };

export const MAX_EXTERNAL_ID_LENGTH = 200;
export const MIN_PRIORITY = -2147483648;
export const MAX_PRIORITY = 2147483647;

export function failure(line: number, problem: string): DecodedItem {
  return { line, ok: false, error: `line ${line}: ${problem}` };
}

export function isPriority(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_PRIORITY && value <= MAX_PRIORITY;
}

export const priorityProblem = `"priority" must be an integer from ${MIN_PRIORITY} to ${MAX_PRIORITY}`;
