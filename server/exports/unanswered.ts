import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { type AnnotationRow, type ChunkWriter, LineWriter } from './format.ts';

/**
 * Fills the answers object that starts at `at` in `text` (0: the text is the object), and returns
 * the whole text; the very same string when no question is missing.
 */
export type AnswersFiller = (text: string, at?: number) => string;

/**
 * Unanswered questions exported as `null`: every annotation's `answers` gets a key for each
 * question of an interface, in the interface's order. Keys the interface does not know (answers
 * given under an earlier interface) are kept, after the questions.
 *
 * Stored answers hold only the answered questions, in the interface's order and written by
 * JSON.stringify (validateAnswers normalises them), so this walks the object's top-level keys
 * and the questions side by side, without parsing the values, and writes a new text only when a
 * question is missing. Answers in another order or spacing take a slower, general path.
 *
 * Takes the interface, so an export can fill each annotation from the interface it was answered
 * under; for now the caller passes the project's current one.
 */
export function unansweredAsNull(iface: Pick<InterfaceDefinition, 'questions'>): AnswersFiller {
  const names = iface.questions.map((q) => q.name);
  const keys = names.map((name) => `${JSON.stringify(name)}:`);
  /** A key's length as it stands in the text: quoted, without its colon. */
  const quotedLengths = keys.map((key) => key.length - 1);
  /** `"a":null,"b":null` for the questions from..to-1, made once per run of questions. */
  const runs = new Map<number, string>();
  const nulls = (from: number, to: number) => {
    const at = from * (keys.length + 1) + to;
    let run = runs.get(at);
    if (run === undefined) {
      run = `${keys.slice(from, to).join('null,')}null`;
      runs.set(at, run);
    }
    return run;
  };
  return (text, at = 0) => {
    const count = scan(text, at);
    if (count < 0) return text;
    // Walk the entries and the questions side by side; copy the text up to each gap and write
    // the missing questions there.
    let out = '';
    let copied = 0;
    let q = 0;
    for (let e = 0; e < count; e++) {
      const start = scratch.keyStarts[e]!;
      const length = scratch.keyEnds[e]! - start;
      let j = q;
      while (j < keys.length && (quotedLengths[j] !== length || !text.startsWith(keys[j]!, start))) j++;
      if (j === keys.length) return general(text, at, count, names, keys);
      if (j > q) {
        out += `${text.slice(copied, start)}${nulls(q, j)},`;
        copied = start;
      }
      q = j + 1;
    }
    if (q < keys.length) {
      const close = scratch.end - 1;
      out += `${text.slice(copied, close)}${count > 0 ? ',' : ''}${nulls(q, keys.length)}`;
      copied = close;
    }
    return copied === 0 ? text : out + text.slice(copied);
  };
}

/** Any order, any spacing, keys that are not questions: decoded keys, looked up by name. */
function general(text: string, at: number, count: number, names: string[], keys: string[]): string {
  const entries = new Map<string, string>();
  for (let e = 0; e < count; e++) {
    const raw = text.slice(scratch.keyStarts[e], scratch.keyEnds[e]);
    entries.set(JSON.parse(raw) as string, text.slice(scratch.valueStarts[e], scratch.valueEnds[e]));
  }
  const parts = names.map((name, k) => `${keys[k]}${entries.get(name) ?? 'null'}`);
  const known = new Set(names);
  for (const [key, value] of entries) if (!known.has(key)) parts.push(`${JSON.stringify(key)}:${value}`);
  return `${text.slice(0, at)}{${parts.join(',')}}${text.slice(scratch.end)}`;
}

/** A LineWriter whose annotations' answers go through `fill` (unansweredAsNull). */
export class FilledLineWriter extends LineWriter {
  constructor(
    out: ChunkWriter,
    readonly fill: AnswersFiller,
  ) {
    super(out);
  }

  override annotation(row: AnnotationRow): void {
    row[1] = fillOpening(row[1], this.fill);
    super.annotation(row);
  }
}

const ANSWERS = '"answers":';

/**
 * An annotation's opening (exports.repository.ts) with its answers filled. The first
 * `"answers":` is the key: only the id, a JSON-quoted label (whose quotes are escaped) and the
 * status come before it.
 */
export function fillOpening(opening: string, fill: AnswersFiller): string {
  const at = opening.indexOf(ANSWERS);
  return at === -1 ? opening : fill(opening, at + ANSWERS.length);
}

/** Where the last scan found each top-level key (its opening quote, and after its closing one) and value. */
const scratch = {
  keyStarts: new Int32Array(256),
  keyEnds: new Int32Array(256),
  valueStarts: new Int32Array(256),
  valueEnds: new Int32Array(256),
  questions: new Int32Array(256),
  /** After the object's closing brace. */
  end: 0,
};

function grow(count: number): void {
  if (count < scratch.keyStarts.length) return;
  for (const name of ['keyStarts', 'keyEnds', 'valueStarts', 'valueEnds', 'questions'] as const) {
    const larger = new Int32Array(scratch[name].length * 2);
    larger.set(scratch[name]);
    scratch[name] = larger;
  }
}

/**
 * Scans the JSON object starting at `at` (after any spaces) into `scratch`; the count of its
 * entries, or -1 when the text there is not an object.
 */
function scan(text: string, at: number): number {
  let i = skipSpace(text, at);
  if (text.charCodeAt(i) !== 0x7b) return -1;
  i = skipSpace(text, i + 1);
  let count = 0;
  if (text.charCodeAt(i) === 0x7d) {
    scratch.end = i + 1;
    return 0;
  }
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return -1;
    grow(count);
    scratch.keyStarts[count] = i;
    i = stringEnd(text, i);
    scratch.keyEnds[count] = i;
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 0x3a) return -1;
    i = skipSpace(text, i + 1);
    scratch.valueStarts[count] = i;
    const end = valueEnd(text, i);
    scratch.valueEnds[count] = trimEnd(text, end);
    count++;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x7d) {
      scratch.end = i + 1;
      return count;
    }
    if (c !== 0x2c) return -1;
    i = skipSpace(text, i + 1);
  }
}

/** The keys of the JSON object's text in order (for tests); undefined if it is not an object. */
export function topLevelKeys(text: string): string[] | undefined {
  const count = scan(text, 0);
  if (count < 0) return undefined;
  return Array.from({ length: count }, (_, e) =>
    JSON.parse(text.slice(scratch.keyStarts[e], scratch.keyEnds[e])),
  );
}

/** Where the JSON value starting at `at` ends: after its closing bracket or quote, or at the next `,` `}` `]`. */
function valueEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
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

/** The index after the closing quote of the string whose opening quote is at `at`. */
function stringEnd(text: string, at: number): number {
  let i = text.indexOf('"', at + 1);
  while (i !== -1) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === 0x5c) slashes++;
    if (slashes % 2 === 0) return i + 1;
    i = text.indexOf('"', i + 1);
  }
  return text.length;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(text: string, at: number): number {
  while (isSpace(text.charCodeAt(at))) at++;
  return at;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
