import { ApiError } from '../../../core/api/client-errors.ts';

/** A problem tied to one input, by its path within the form ("name", "questions[0].options"). */
export interface PathError {
  path: string;
  message: string;
}

/**
 * The validation details of an API error whose path starts with `prefix` ("body." or
 * "body.interface."), relative to it. Other errors give [] (show those with describeError).
 */
export function apiPathErrors(err: unknown, prefix: string): PathError[] {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return [];
  return err.details.flatMap((d: unknown) => {
    const { path, message } = (d ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path !== 'string' || typeof message !== 'string' || !path.startsWith(prefix)) return [];
    return [{ path: path.slice(prefix.length), message: stripPath(path.slice(prefix.length), message) }];
  });
}

/** Messages from the core start with their path; next to the input that repeats what is visible. */
export function stripPath(path: string, message: string): string {
  return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
}

/** The messages for one input: its path exactly, or an element of it (`options[2]`). */
export function messagesAt(errors: readonly PathError[], path: string): string[] {
  return errors
    .filter((e) => e.path === path || e.path.startsWith(`${path}[`))
    .map((e) => (e.path === path ? e.message : `${e.path.slice(path.length)}: ${e.message}`));
}

/** Errors under `prefix` whose input is not one of `shown`, so nothing goes unreported. */
export function otherErrors(
  errors: readonly PathError[],
  prefix: string,
  shown: readonly string[],
): PathError[] {
  const under = (p: string) =>
    prefix === '' || p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`);
  const isShown = (p: string) => shown.some((s) => p === s || p.startsWith(`${s}[`) || p.startsWith(`${s}.`));
  return errors.filter((e) => under(e.path) && !isShown(e.path));
}

/** An error shown away from its input, so it names the input. */
export const withPath = (e: PathError): string => (e.path ? `${e.path}: ${e.message}` : e.message);

/** The messages about exactly this path (a list as a whole, not its entries). */
export const messagesExact = (errors: readonly PathError[], path: string): string[] =>
  errors.filter((e) => e.path === path).map((e) => e.message);

/** The id of the input at a form path (Field's `path` prop gives its control this id). */
export const controlId = (path: string): string =>
  path === '' ? 'ctl-root' : `ctl-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;
