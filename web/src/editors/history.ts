/**
 * Answer history for undo/redo, as values. Typing in one text box within `COALESCE_MS` is one
 * step, so Ctrl+Z undoes a word's worth of typing, not a letter.
 */
export interface History<T> {
  past: T[];
  present: T;
  future: T[];
  /** What the last step changed (a question name) and when, for coalescing. */
  last?: { key: string; at: number };
}

const LIMIT = 300;
const COALESCE_MS = 1000;

export const startHistory = <T>(present: T): History<T> => ({ past: [], present, future: [] });

export function record<T>(
  h: History<T>,
  next: T,
  change: { key: string; at: number; coalesce: boolean },
): History<T> {
  if (Object.is(next, h.present)) return h;
  const merge = change.coalesce && h.last?.key === change.key && change.at - h.last.at < COALESCE_MS;
  const past = merge ? h.past : [...h.past, h.present].slice(-LIMIT);
  return { past, present: next, future: [], last: { key: change.key, at: change.at } };
}

export function undo<T>(h: History<T>): History<T> {
  const prev = h.past.at(-1);
  if (prev === undefined) return h;
  return { past: h.past.slice(0, -1), present: prev, future: [h.present, ...h.future] };
}

export function redo<T>(h: History<T>): History<T> {
  const [next, ...rest] = h.future;
  if (next === undefined) return h;
  return { past: [...h.past, h.present], present: next, future: rest };
}
