// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { graphemeStops } from '../../../../core/interface/graphemes.ts';
import { type CodePointOffset, codePointStarts } from '../../../../core/interface/offsets.ts';

/**
 * The pure maths of span labelling. Every offset here is a code point (the unit of stored spans);
 * UTF-16 indices appear only where the DOM hands them over, and are converted at once.
 */

/** A text with the lookup tables every other kernel needs, built once per item. */
export interface TextIndex {
  readonly text: string;
  /** Code points in the text. */
  readonly length: number;
  /** `starts[cp]` is the UTF-16 index of code point `cp`; `starts[length]` is `text.length`. */
  readonly starts: Uint32Array;
  /** Code point offsets between grapheme clusters, ascending, including 0 and `length`. */
  readonly boundaries: Uint32Array;
}

export function indexText(text: string): TextIndex {
  // Plain ASCII without CR, as most items are: every code unit is a code point and a grapheme, so
  // both tables are 0..length (building them the general way costs ~10 ms on a 50,000-char item).
  if (!NOT_PLAIN_ASCII.test(text)) {
    const identity = new Uint32Array(text.length + 1);
    for (let i = 0; i <= text.length; i++) identity[i] = i;
    return { text, length: text.length, starts: identity, boundaries: identity };
  }
  const starts = codePointStarts(text);
  const boundaries = graphemeStops(text, starts);
  return { text, length: starts.length - 1, starts, boundaries };
}

/** A code unit past ASCII (any non-ASCII code point, surrogates included) or a CR (CR LF is one grapheme). */
const NOT_PLAIN_ASCII = /[\r\u0080-\uffff]/;

/** Largest i with arr[i] <= x (arr ascending, arr[0] <= x), by binary search. */
function floorIndex(arr: Uint32Array, x: number): number {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (arr[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The code point containing UTF-16 index `u16` (inside a surrogate pair: that pair's code point). */
export function u16ToCp(index: TextIndex, u16: number): CodePointOffset {
  return floorIndex(index.starts, Math.max(0, Math.min(u16, index.text.length)));
}

export function cpToU16(index: TextIndex, cp: CodePointOffset): number {
  return index.starts[Math.max(0, Math.min(cp, index.length))]!;
}

export type SnapMode = 'floor' | 'ceil' | 'nearest';

/** The grapheme boundary at or before (`floor`), at or after (`ceil`), or nearest to `cp`. */
export function snap(index: TextIndex, cp: CodePointOffset, mode: SnapMode): CodePointOffset {
  const b = index.boundaries;
  const clamped = Math.max(0, Math.min(cp, index.length));
  const i = floorIndex(b, clamped);
  const below = b[i]!;
  if (below === clamped || mode === 'floor') return below;
  const above = b[i + 1] ?? index.length;
  if (mode === 'ceil') return above;
  return clamped - below <= above - clamped ? below : above;
}

/** The caret moved by one grapheme cluster left (-1) or right (+1), clamped to the text. */
export function stepGrapheme(index: TextIndex, cp: CodePointOffset, dir: -1 | 1): CodePointOffset {
  const b = index.boundaries;
  const i = floorIndex(b, snap(index, cp, dir < 0 ? 'ceil' : 'floor'));
  return b[Math.max(0, Math.min(b.length - 1, i + dir))]!;
}

const isSpace = (index: TextIndex, cp: number) => /\s/.test(index.text[index.starts[cp]!] ?? '');

/** The caret moved to the next word end (+1) or previous word start (-1), like Ctrl+Arrow. */
export function stepWord(index: TextIndex, cp: CodePointOffset, dir: -1 | 1): CodePointOffset {
  let at = snap(index, cp, 'nearest');
  const inside = (p: number) => (dir > 0 ? p < index.length : p > 0);
  const charAt = (p: number) => (dir > 0 ? p : stepGrapheme(index, p, -1));
  while (inside(at) && isSpace(index, charAt(at))) at = stepGrapheme(index, at, dir);
  while (inside(at) && !isSpace(index, charAt(at))) at = stepGrapheme(index, at, dir);
  return at;
}

/** A range from two caret positions in any order, widened to grapheme boundaries; undefined if empty. */
export function rangeBetween(
  index: TextIndex,
  a: CodePointOffset,
  b: CodePointOffset,
): { start: number; end: number } | undefined {
  const start = snap(index, Math.min(a, b), 'floor');
  const end = snap(index, Math.max(a, b), 'ceil');
  return start < end ? { start, end } : undefined;
}

/** Start of the line (after the previous newline) holding `cp`; with `dir` 1, the end of it. */
export function lineEdge(index: TextIndex, cp: CodePointOffset, dir: -1 | 1): CodePointOffset {
  const u = cpToU16(index, cp);
  if (dir < 0) return u16ToCp(index, index.text.lastIndexOf('\n', u - 1) + 1);
  const nl = index.text.indexOf('\n', u);
  return nl < 0 ? index.length : snap(index, u16ToCp(index, nl), 'floor');
}

/** The caret on the previous (-1) or next (+1) line, at the same column where that line allows. */
export function stepLine(index: TextIndex, cp: CodePointOffset, dir: -1 | 1): CodePointOffset {
  const start = lineEdge(index, cp, -1);
  const column = cp - start;
  if (dir < 0) {
    if (start === 0) return 0;
    const prevStart = lineEdge(index, start - 1, -1);
    return snap(index, Math.min(prevStart + column, start - 1), 'floor');
  }
  const end = lineEdge(index, cp, 1);
  if (end >= index.length) return index.length;
  const nextStart = end + 1;
  return snap(index, Math.min(nextStart + column, lineEdge(index, nextStart, 1)), 'floor');
}
