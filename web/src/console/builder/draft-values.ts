/** How the builder's draft reads JSON values into inputs and writes typed text back. */

export type Extra = Record<string, unknown>;

let serial = 0;
/** A key for a list entry that stays with it while the list is reordered. */
export const newKey = (): string => `k${++serial}`;

export const isObject = (v: unknown): v is Extra => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A JSON value as the text of an input ('' for none; -0 keeps its sign). */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : Object.is(v, -0) ? '-0' : String(v);

const numberOrText = (t: string): number | string => (Number.isFinite(Number(t)) ? Number(t) : t);

/** A number as typed; what is not a number stays text, for validation to name; blank is none. */
export const typed = (t: string): number | string | undefined =>
  t.trim() === '' ? undefined : numberOrText(t.trim());

/** An optional text as typed: blank is none. */
export const optionalText = (t: string): string | undefined => (t === '' ? undefined : t);

export const without = (o: Extra, keys: readonly string[]): Extra =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

/** The list a box of lines holds: one entry per line, trimmed, blank lines left out. */
export const splitLines = (t: string): string[] =>
  t
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
