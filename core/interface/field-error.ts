import type { z } from 'zod';

/**
 * One problem with an input. `path` locates it ("questions[2].options", "entities[3].end",
 * "data.text"); `message` starts with the same path and then says what is wrong, so it can be shown
 * on its own. A problem with the whole input has path "" and names the input instead ("answers: …").
 */
export interface FieldError {
  path: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function fieldError(path: string, problem: string): FieldError {
  return { path, message: `${path}: ${problem}` };
}

/** `['questions', 2, 'options']` -> `questions[2].options`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? String(s) : `.${String(s)}`;
  }
  return out;
}

/** Zod issues as FieldErrors; `root` names the input for issues about the whole of it. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], root: string): FieldError[] {
  return issues.flatMap((issue) => {
    // One error per unknown key, at the key, so the path points at the typo.
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => fieldError(formatPath([...issue.path, key]), 'unknown property'));
    }
    const path = formatPath(issue.path);
    return [{ path, message: `${path || root}: ${issue.message}` }];
  });
}

/** A short rendering of a value for messages: strings quoted, containers by kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = JSON.stringify(value);
    return quoted.length > 60 ? `${quoted.slice(0, 56)}…"` : quoted;
  }
  if (value === undefined) return 'nothing';
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}

/** `a, b, c`, cut after `max` items so a 200-option question does not flood the message. */
export function listForMessage(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, … (${items.length} in all)` : shown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads an own property only, so keys like "constructor" never reach Object.prototype. */
export function ownValue(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
