import type { InterfaceDefinition } from '../../core/interface/index.ts';
import { type AnnotationRow, type ChunkWriter, LineWriter } from './format.ts';

/**
 * Unanswered questions exported as `null`: every annotation's `answers` gets a key for each
 * question of an interface, in the interface's order. Stored answers hold only the answered
 * questions, in that order (validateAnswers normalises them), so the common case is a check
 * that returns the text unchanged. Keys the interface does not know (answers given under an
 * earlier interface) are kept, after the questions.
 *
 * Takes the interface, so an export can fill each annotation from the interface it was answered
 * under; for now the caller passes the project's current one.
 */
export function unansweredAsNull(iface: Pick<InterfaceDefinition, 'questions'>): (answers: string) => string {
  const names = iface.questions.map((q) => q.name);
  return (answers) => {
    const entries = topLevelEntries(answers);
    if (entries === undefined) return answers;
    if (entries.length === names.length && entries.every((e, k) => e.key === names[k])) return answers;
    const byKey = new Map(entries.map((e) => [e.key, e]));
    const parts = names.map((name) => {
      const e = byKey.get(name);
      return `${JSON.stringify(name)}:${e === undefined ? 'null' : answers.slice(e.start, e.end)}`;
    });
    const known = new Set(names);
    for (const e of entries)
      if (!known.has(e.key)) parts.push(`${JSON.stringify(e.key)}:${answers.slice(e.start, e.end)}`);
    return `{${parts.join(',')}}`;
  };
}

/** A LineWriter whose annotations' answers go through `fill` (unansweredAsNull). */
export class FilledLineWriter extends LineWriter {
  constructor(
    out: ChunkWriter,
    readonly fill: (answers: string) => string,
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
export function fillOpening(opening: string, fill: (answers: string) => string): string {
  const at = opening.indexOf(ANSWERS);
  if (at === -1) return opening;
  const start = at + ANSWERS.length;
  const end = valueEnd(opening, start);
  const answers = opening.slice(start, end);
  const filled = fill(answers);
  return filled === answers ? opening : opening.slice(0, start) + filled + opening.slice(end);
}

interface Entry {
  key: string;
  start: number;
  end: number;
}

/** The keys of a JSON object's text with where each value starts and ends; undefined if not an object. */
export function topLevelEntries(text: string): Entry[] | undefined {
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== 0x7b) return undefined;
  const entries: Entry[] = [];
  at = skipSpace(text, at + 1);
  if (text.charCodeAt(at) === 0x7d) return entries;
  for (;;) {
    if (text.charCodeAt(at) !== 0x22) return undefined;
    const keyEnd = stringEnd(text, at);
    const raw = text.slice(at, keyEnd);
    const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== 0x3a) return undefined;
    const start = skipSpace(text, at + 1);
    const end = valueEnd(text, start);
    entries.push({ key, start, end: trimEnd(text, end) });
    at = skipSpace(text, end);
    const c = text.charCodeAt(at);
    if (c === 0x7d) return entries;
    if (c !== 0x2c) return undefined;
    at = skipSpace(text, at + 1);
  }
}

/** Where the JSON value starting at `at` ends: its closing bracket or quote + 1, or the next `,` `}` `]`. */
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
