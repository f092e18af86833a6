/** A starting point for a new project: a sensible interface and guidelines for a common task. */
export interface Template {
  name: string;
  summary: string;
  guidelines: string;
  interface: Record<string, unknown>;
}
