/**
 * A candidate answer and how to read the candidates of checked item data: no zod here, so the web
 * app can import this leaf (and steps-split.ts, which uses it) without the schema library.
 */

/** One candidate answer to the item's prompt; `steps` is an optional given step list. */
export interface Candidate {
  id: string;
  model?: string;
  content: string;
  steps?: string[];
}

/** The candidates of a `responses` field of checked item data ([] when absent). */
export function candidatesOf(data: Record<string, unknown>, field: string): Candidate[] {
  const value = Object.hasOwn(data, field) ? data[field] : undefined;
  return Array.isArray(value) ? (value as Candidate[]) : [];
}
