import { graphemeStops } from './graphemes.ts';

/**
 * Span offsets in Verity count Unicode code points, not UTF-16 code units, so that Python's
 * `text[start:end]` yields the span: training code reads exports in Python. JS strings are UTF-16,
 * where an astral character (most emoji, some CJK) is one code point but two code units; these
 * helpers convert. A lone surrogate counts as one code point, as it does for `[...s]`.
 */
export type CodePointOffset = number;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Code units taken by the code point starting at UTF-16 index `i` (1 or 2). */
function widthAt(s: string, i: number): 1 | 2 {
  return isHigh(s.charCodeAt(i)) && i + 1 < s.length && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) n++;
  return n;
}

/** UTF-16 index where code point `cp` starts (`s.length` for the end). Throws RangeError outside 0..length. */
export function codePointToUtf16(s: string, cp: CodePointOffset): number {
  if (!Number.isInteger(cp) || cp < 0)
    throw new RangeError(`code point offset ${cp} is not a whole number >= 0`);
  let i = 0;
  for (let n = 0; n < cp; n++) {
    if (i >= s.length) throw new RangeError(`code point offset ${cp} is past the end (length ${n})`);
    i += widthAt(s, i);
  }
  return i;
}

/**
 * Code points before UTF-16 index `u16`. An index inside a surrogate pair rounds down to that pair's
 * code point. Throws RangeError outside 0..s.length.
 */
export function utf16ToCodePoint(s: string, u16: number): CodePointOffset {
  if (!Number.isInteger(u16) || u16 < 0 || u16 > s.length) {
    throw new RangeError(`UTF-16 index ${u16} is outside 0..${s.length}`);
  }
  let n = 0;
  for (let i = 0; i < u16; i += widthAt(s, i)) {
    if (i + widthAt(s, i) > u16) break;
    n++;
  }
  return n;
}

/** `starts[cp]` is the UTF-16 index of code point `cp`; one extra entry holds `s.length`. O(1) lookups. */
export function codePointStarts(s: string): Uint32Array {
  const starts = new Uint32Array(codePointLength(s) + 1);
  let n = 0;
  for (let i = 0; i < s.length; i += widthAt(s, i)) starts[n++] = i;
  starts[n] = s.length;
  return starts;
}

/** Code point offsets between grapheme clusters (user-perceived characters), including 0 and the length. */
export function graphemeBoundaries(s: string): Set<CodePointOffset> {
  return new Set(graphemeStops(s, codePointStarts(s)));
}

/** Whether a span may start or end at `cp` without splitting a grapheme cluster (an emoji, e + accent…). */
export function isGraphemeBoundary(s: string, cp: CodePointOffset): boolean {
  return graphemeBoundaries(s).has(cp);
}
