import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphemeStops } from './graphemes.ts';
import { codePointLength, codePointStarts } from './offsets.ts';

/** The plain definition: Intl.Segmenter over the whole text, counted in code points. */
function reference(t: string): number[] {
  const out = [0];
  let cp = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(t)) {
    cp += codePointLength(segment);
    out.push(cp);
  }
  return out;
}
const stops = (t: string) => [...graphemeStops(t, codePointStarts(t))];

const parts = [
  'a',
  ' ',
  '\n',
  '\r\n',
  '\r',
  'é',
  'e\u0301',
  '\u0301',
  '😀',
  '👩‍👩‍👧',
  '\u200d',
  '🇫🇷',
  '🇩',
  'שלום',
  'مرحبا',
  '\u0600',
  '1',
  'नमस्ते',
  'क्षि',
  '한국어',
  '\u1100\u1161\u11a8',
  '漢字',
  'カタカナ',
  '\ufe0f',
  '\ud800',
  'Ωx',
];

describe('fast grapheme boundaries', () => {
  it('equal the reference on mixed scripts, emoji, combining marks and lone surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 400 }), (p) => {
        const t = p.join('');
        expect(stops(t)).toEqual(reference(t));
      }),
      { numRuns: 300 },
    );
  });

  it('equal the reference on arbitrary unicode strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 600 }),
        fc.string({ unit: 'binary', maxLength: 600 }),
        (a, b) => {
          expect(stops(a + b)).toEqual(reference(a + b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('find the boundaries of 50,000 characters in well under a second', () => {
    const text = 'Lorem ipsum dolor sit amet, שלום עולם. 😀 e\u0301 '.repeat(1200);
    const t0 = performance.now();
    const out = graphemeStops(text, codePointStarts(text));
    expect(performance.now() - t0).toBeLessThan(400);
    expect(out.at(-1)).toBe(codePointStarts(text).length - 1);
  });
});
