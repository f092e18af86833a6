import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codePointLength,
  codePointStarts,
  codePointToUtf16,
  isGraphemeBoundary,
  utf16ToCodePoint,
} from './offsets.ts';

const family = '👩‍👩‍👧'; // 5 code points, 8 UTF-16 units, 1 grapheme
const flag = '🇫🇷'; // 2 regional indicators, 4 UTF-16 units, 1 grapheme
const combining = 'e\u0301'; // é as e + combining acute: 2 code points, 1 grapheme

// Strings mixing every code point (astral ones included) with lone surrogates, which JS allows.
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const anyString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), loneSurrogate) }),
);

describe('code point offsets', () => {
  it('counts an emoji ZWJ sequence as its code points, not its UTF-16 units', () => {
    expect(family.length).toBe(8);
    expect(codePointLength(family)).toBe(5);
    expect(codePointLength(flag)).toBe(2);
    expect(codePointLength(combining)).toBe(2);
  });

  it('converts offsets past astral characters both ways', () => {
    const s = `${flag} x`;
    expect(codePointToUtf16(s, 2)).toBe(4);
    expect(utf16ToCodePoint(s, 4)).toBe(2);
    expect(codePointToUtf16(s, 4)).toBe(6);
  });

  it('gives Python-style offsets for Arabic text after an emoji', () => {
    const s = '😀 مرحبا بالعالم';
    const start = utf16ToCodePoint(s, s.indexOf('مرحبا'));
    expect(start).toBe(2); // Python: '😀 مرحبا بالعالم'.index('مرحبا') == 2
    expect(s.slice(codePointToUtf16(s, start), codePointToUtf16(s, start + 5))).toBe('مرحبا');
  });

  it('rounds a UTF-16 index inside a surrogate pair down to the pair', () => {
    expect(utf16ToCodePoint('a😀b', 2)).toBe(1);
  });

  it('throws RangeError for offsets outside the string', () => {
    expect(() => codePointToUtf16('ab', 3)).toThrow(RangeError);
    expect(() => codePointToUtf16('ab', -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint('ab', 3)).toThrow(RangeError);
  });

  it('round-trips every code point offset of any string', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const n = codePointLength(s);
        expect(n).toBe([...s].length);
        const starts = codePointStarts(s);
        for (let cp = 0; cp <= n; cp++) {
          expect(utf16ToCodePoint(s, codePointToUtf16(s, cp))).toBe(cp);
          expect(starts[cp]).toBe(codePointToUtf16(s, cp));
        }
      }),
    );
  });
});

describe('grapheme boundaries', () => {
  it('refuses offsets inside a ZWJ sequence, a flag or a combining sequence', () => {
    const s = `${family}${flag}${combining}`; // code points: 5 + 2 + 2
    expect([0, 5, 7, 9].every((cp) => isGraphemeBoundary(s, cp))).toBe(true);
    expect([1, 2, 3, 4, 6, 8].some((cp) => isGraphemeBoundary(s, cp))).toBe(false);
  });

  it('accepts every offset in plain ASCII and Arabic text', () => {
    const s = 'ab مرحبا';
    for (let cp = 0; cp <= codePointLength(s); cp++) expect(isGraphemeBoundary(s, cp)).toBe(true);
  });

  it('refuses offsets outside the string', () => {
    expect(isGraphemeBoundary('ab', 3)).toBe(false);
    expect(isGraphemeBoundary('ab', -1)).toBe(false);
  });
});
