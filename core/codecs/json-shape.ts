const MAX_ERROR_DETAIL = 200;

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `text` as a JSON string for an error message, cut short so one bad line cannot bloat a report. */
export function quote(text: string): string {
  return JSON.stringify(truncate(text));
}

export function truncate(text: string): string {
  return text.length > MAX_ERROR_DETAIL ? `${text.slice(0, MAX_ERROR_DETAIL)}…` : text;
}
