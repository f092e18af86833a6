/**
 * Finding values in JSON text without parsing it: an item's data is mostly long strings (prompts,
 * candidate answers) that the training formats copy as they are. Parsing the item and writing the
 * strings back (JSON.parse, JSON.stringify) cost more than the rest of an export; here a string is
 * skipped with one indexOf per quote, and a value is handed on as the slice of text it is, which is
 * already valid JSON. The text must be valid JSON (the stores hold what JSON.stringify wrote); on
 * anything else the functions answer undefined rather than guess.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A value's place in the text: `[start, end)`. */
export type Range = readonly [start: number, end: number];

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export function skipSpace(text: string, at: number): number {
  while (isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The index after the closing quote of the string whose opening quote is at `at`. */
export function stringEnd(text: string, at: number): number {
  let i = text.indexOf('"', at + 1);
  while (i !== -1) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i + 1;
    i = text.indexOf('"', i + 1);
  }
  return text.length;
}

/** Where the JSON value starting at `at` ends: after its closing bracket or quote, or at the next `,` `}` `]`. */
export function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i) - 1;
      if (depth === 0) return i + 1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth === 0) return i;
      if (--depth === 0) return i + 1;
    } else if (c === 0x2c && depth === 0) return i;
  }
  return text.length;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/**
 * Where the last scanObject found each member: its key (the opening quote, and after the closing
 * one) and its value. Reused, so a scan allocates nothing; read it before the next scan.
 */
export const members = {
  keyStarts: new Int32Array(64),
  keyEnds: new Int32Array(64),
  valueStarts: new Int32Array(64),
  valueEnds: new Int32Array(64),
  /** After the object's closing brace. */
  end: 0,
};

function grow(count: number): void {
  if (count < members.keyStarts.length) return;
  for (const name of ['keyStarts', 'keyEnds', 'valueStarts', 'valueEnds'] as const) {
    const larger = new Int32Array(members[name].length * 2);
    larger.set(members[name]);
    members[name] = larger;
  }
}

/**
 * Scans the JSON object starting at `at` (after any spaces) into `members`; the count of its
 * members, or -1 when the text there is not an object.
 */
export function scanObject(text: string, at: number): number {
  let i = skipSpace(text, at);
  if (text.charCodeAt(i) !== 0x7b) return -1;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x7d) {
    members.end = i + 1;
    return 0;
  }
  let count = 0;
  for (;;) {
    if (text.charCodeAt(i) !== QUOTE) return -1;
    grow(count);
    members.keyStarts[count] = i;
    i = stringEnd(text, i);
    members.keyEnds[count] = i;
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 0x3a) return -1;
    i = skipSpace(text, i + 1);
    members.valueStarts[count] = i;
    const end = valueEnd(text, i);
    members.valueEnds[count] = trimEnd(text, end);
    count++;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x7d) {
      members.end = i + 1;
      return count;
    }
    if (c !== 0x2c) return -1;
    i = skipSpace(text, i + 1);
  }
}

/** Whether member `e` of the last scan has the key `quoted` (a key as JSON.stringify writes it). */
export function keyIs(text: string, e: number, quoted: string): boolean {
  const start = members.keyStarts[e]!;
  const end = members.keyEnds[e]!;
  if (end - start === quoted.length && text.startsWith(quoted, start)) return true;
  // A key written with escapes is decoded first.
  return hasEscape(text, start, end) && JSON.parse(text.slice(start, end)) === JSON.parse(quoted);
}

/** The JSON string literal at `[start, end)`, decoded (sliced when it holds no escape). */
export const stringAt = (text: string, start: number, end: number): string =>
  hasEscape(text, start, end)
    ? (JSON.parse(text.slice(start, end)) as string)
    : text.slice(start + 1, end - 1);

/** The key of member `e` of the last scan. */
export const keyAt = (text: string, e: number): string =>
  stringAt(text, members.keyStarts[e]!, members.keyEnds[e]!);

/** The range of the value of `key` in the JSON object at `range`, or undefined. */
export function memberRange(text: string, range: Range, key: string): Range | undefined {
  const quoted = JSON.stringify(key);
  const count = scanObject(text, range[0]);
  for (let e = 0; e < count; e++)
    if (keyIs(text, e, quoted)) return [members.valueStarts[e]!, members.valueEnds[e]!];
  return undefined;
}

function hasEscape(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}

/** The ranges of the elements of the JSON array at `range`, or undefined when it is not an array. */
export function elementRanges(text: string, range: Range): Range[] | undefined {
  let i = skipSpace(text, range[0]);
  if (text.charCodeAt(i) !== 0x5b) return undefined;
  const out: Range[] = [];
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x5d) return out;
  for (;;) {
    const end = valueEnd(text, i);
    out.push([i, trimEnd(text, end)]);
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x5d) return out;
    if (c !== 0x2c) return undefined;
    i = skipSpace(text, i + 1);
  }
}

/** Whether the value at `range` is a JSON string. */
export const isStringAt = (text: string, range: Range): boolean => text.charCodeAt(range[0]) === QUOTE;

/** The value at `range`, parsed. */
export const parseAt = (text: string, range: Range): unknown => JSON.parse(text.slice(range[0], range[1]));

/** The range of the whole text, as the object it holds. */
export const whole = (text: string): Range => [0, text.length];
