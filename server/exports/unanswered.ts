import { keyAt, members, scanObject } from '../../core/exports/index.ts';
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
    const count = scanObject(text, at);
    if (count < 0) return text;
    // Walk the entries and the questions side by side; copy the text up to each gap and write
    // the missing questions there.
    let out = '';
    let copied = 0;
    let q = 0;
    for (let e = 0; e < count; e++) {
      const start = members.keyStarts[e]!;
      const length = members.keyEnds[e]! - start;
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
      const close = members.end - 1;
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
    entries.set(keyAt(text, e), text.slice(members.valueStarts[e], members.valueEnds[e]));
  }
  const parts = names.map((name, k) => `${keys[k]}${entries.get(name) ?? 'null'}`);
  const known = new Set(names);
  for (const [key, value] of entries) if (!known.has(key)) parts.push(`${JSON.stringify(key)}:${value}`);
  return `${text.slice(0, at)}{${parts.join(',')}}${text.slice(members.end)}`;
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

/** The keys of the JSON object's text in order (for tests); undefined if it is not an object. */
export function topLevelKeys(text: string): string[] | undefined {
  const count = scanObject(text, 0);
  if (count < 0) return undefined;
  return Array.from({ length: count }, (_, e) => keyAt(text, e));
}
