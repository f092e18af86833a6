/**
 * A candidate answer and how to read the candidates of checked item data: no zod here, so the web
 * app can import this leaf (and steps-split.ts, which uses it) without the schema library.
 */

/**
 * How a generated candidate was made (docs/generation.md): the connection's name, the model that
 * answered, the parameters sent, token counts (null when the endpoint gave none), the call's
 * latency and the job. Kept by exports; hidden from annotators with the model name.
 */
export interface CandidateGeneration {
  connection: string;
  model: string;
  params: Record<string, unknown>;
  promptTokens: number | null;
  completionTokens: number | null;
  latencyMs: number;
  job: number;
}

/** One candidate answer to the item's prompt; `steps` is an optional given step list. */
export interface Candidate {
  id: string;
  model?: string;
  content: string;
  steps?: string[];
  generation?: CandidateGeneration;
}

/** The candidates of a `responses` field of checked item data ([] when absent). */
export function candidatesOf(data: Record<string, unknown>, field: string): Candidate[] {
  const value = Object.hasOwn(data, field) ? data[field] : undefined;
  return Array.isArray(value) ? (value as Candidate[]) : [];
}
