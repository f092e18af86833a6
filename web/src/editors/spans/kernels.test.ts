import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointLength, graphemeBoundaries } from '../../../../core/interface/index.ts';
import {
  addSpan,
  assignLayers,
  bucketSpans,
  cpToU16,
  indexText,
  labelKeys,
  piecesOf,
  rangeBetween,
  relabelSpan,
  snap,
  spanAt,
  splitSegments,
  stepGrapheme,
  stepWord,
  u16ToCp,
} from './kernels.ts';

// Text drawn from pieces that stress the units: astral emoji, ZWJ sequences, combining marks, RTL.
const tricky = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      ' ',
      '\n',
      '\n\n',
      '😀',
      '👩‍👩‍👧',
      'é',
      'e\u0301',
      'שלום',
      'مرحبا',
      '\r\n',
      '🇫🇷',
      'x',
    ),
    { maxLength: 300 },
  )
  .map((parts) => parts.join(''));

describe('offset conversion', () => {
  it('counts an astral emoji as one code point and two UTF-16 units', () => {
    const index = indexText('a😀b');
    expect(index.length).toBe(3);
    expect(cpToU16(index, 2)).toBe(3);
    expect(u16ToCp(index, 3)).toBe(2);
  });

  it('maps an index inside a surrogate pair to that pair', () => {
    expect(u16ToCp(indexText('a😀b'), 2)).toBe(1);
  });

  it('round-trips every code point offset', () => {
    fc.assert(
      fc.property(tricky, (text) => {
        const index = indexText(text);
        for (let cp = 0; cp <= index.length; cp++) expect(u16ToCp(index, cpToU16(index, cp))).toBe(cp);
      }),
    );
  });

  it('builds the same tables for plain ASCII by its shortcut as the general way does', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '\n', '\t', '.', '\0', '\x7f', '\r') });
    fc.assert(
      fc.property(ascii, (text) => {
        const index = indexText(text);
        const starts = Array.from({ length: text.length + 1 }, (_, i) => i);
        expect([...index.starts]).toEqual(starts);
        expect(index.length).toBe(codePointLength(text));
        expect([...index.boundaries]).toEqual([...graphemeBoundaries(text)].sort((a, b) => a - b));
      }),
    );
  });
});

describe('grapheme snapping', () => {
  it('never splits e + combining accent', () => {
    const index = indexText('ae\u0301b');
    expect(snap(index, 2, 'floor')).toBe(1);
    expect(snap(index, 2, 'ceil')).toBe(3);
  });

  it('steps over a whole family emoji in one key press', () => {
    const index = indexText('a👩‍👩‍👧b');
    expect(stepGrapheme(index, 1, 1)).toBe(1 + codePointLength('👩‍👩‍👧'));
    expect(stepGrapheme(index, 1 + codePointLength('👩‍👩‍👧'), -1)).toBe(1);
  });

  it('always lands on a grapheme boundary', () => {
    fc.assert(
      fc.property(
        tricky,
        fc.nat(400),
        fc.constantFrom('floor', 'ceil', 'nearest') as fc.Arbitrary<'floor'>,
        (t, cp, mode) => {
          const index = indexText(t);
          expect(graphemeBoundaries(t).has(snap(index, cp, mode))).toBe(true);
        },
      ),
    );
  });

  it('moves by words over spaces and right-to-left text', () => {
    const index = indexText('hello שלום world');
    expect(stepWord(index, 0, 1)).toBe(5);
    expect(stepWord(index, 5, 1)).toBe(10);
    expect(stepWord(index, 16, -1)).toBe(11);
  });

  it('widens a selection outward to whole graphemes and orders its ends', () => {
    fc.assert(
      fc.property(tricky, fc.nat(400), fc.nat(400), (t, a, b) => {
        const index = indexText(t);
        const r = rangeBetween(index, a, b);
        if (!r) return;
        const bounds = graphemeBoundaries(t);
        expect(bounds.has(r.start) && bounds.has(r.end)).toBe(true);
        expect(r.start).toBeLessThanOrEqual(Math.min(a, b, index.length));
        expect(r.end).toBeGreaterThanOrEqual(Math.min(Math.max(a, b), index.length));
      }),
    );
  });
});

describe('segment splitting', () => {
  it('covers the text with contiguous segments on grapheme boundaries no longer than max', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 4, max: 40 }), (t, target) => {
        const index = indexText(t);
        const max = target * 2;
        const segs = splitSegments(index, target, max);
        const bounds = graphemeBoundaries(t);
        let at = 0;
        for (const s of segs) {
          expect(s.start).toBe(at);
          expect(s.end).toBeGreaterThan(s.start);
          expect(bounds.has(s.end)).toBe(true);
          // A single grapheme longer than max is the only excuse for a long segment.
          if (s.end - s.start > max) expect(snap(index, s.start + 1, 'ceil')).toBe(s.end);
          at = s.end;
        }
        expect(at).toBe(index.length);
      }),
    );
  });

  it('prefers to break after a blank line', () => {
    const text = `${'a'.repeat(900)}\n\n${'b'.repeat(900)}\n\n${'c'.repeat(900)}`;
    const segs = splitSegments(indexText(text), 1000, 1500);
    expect(segs.map((s) => s.end)).toEqual([902, 1804, 2704]);
  });

  it('splits 50,000 characters quickly', () => {
    const text = 'Lorem ipsum dolor sit amet. 😀 '.repeat(1700);
    const t0 = performance.now();
    const segs = splitSegments(indexText(text));
    expect(performance.now() - t0).toBeLessThan(500);
    expect(segs.length).toBeGreaterThan(20);
  });

  it('buckets each span into every segment it touches', () => {
    const segs = [
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 30 },
    ];
    expect(
      bucketSpans(segs, [
        { start: 5, end: 25 },
        { start: 20, end: 21 },
      ]),
    ).toEqual([[0], [0], [0, 1]]);
  });
});

const spanArb = (n: number) =>
  fc
    .tuple(fc.nat(n), fc.integer({ min: 1, max: 20 }), fc.constantFrom('A', 'B'))
    .map(([start, len, label]) => ({ start, end: start + len, label }));

describe('overlap layering', () => {
  it('gives overlapping spans different layers and uses no more layers than the deepest overlap', () => {
    fc.assert(
      fc.property(fc.array(spanArb(60), { maxLength: 40 }), (spans) => {
        const layers = assignLayers(spans);
        for (const [i, a] of spans.entries()) {
          for (const [j, b] of spans.entries()) {
            if (i < j && a.start < b.end && b.start < a.end) expect(layers[i]).not.toBe(layers[j]);
          }
        }
        let depth = 0;
        for (let p = 0; p < 100; p++)
          depth = Math.max(depth, spans.filter((s) => s.start <= p && p < s.end).length);
        expect(Math.max(-1, ...layers) + 1).toBeLessThanOrEqual(depth);
      }),
    );
  });

  it('cuts a segment into pieces each covered by exactly the spans over it', () => {
    fc.assert(
      fc.property(fc.array(spanArb(60), { maxLength: 20 }), fc.array(fc.nat(90)), (spans, cuts) => {
        const seg = { start: 10, end: 70 };
        const all = spans.map((_, i) => i);
        const pieces = piecesOf(seg, spans, all, cuts);
        let at = seg.start;
        for (const p of pieces) {
          expect(p.start).toBe(at);
          const expected = all.filter((i) => spans[i]!.start <= p.start && spans[i]!.end >= p.end);
          expect(p.covering).toEqual(expected);
          // Inside a piece, no span starts or ends.
          for (const s of spans) {
            expect(s.start <= p.start || s.start >= p.end).toBe(true);
            expect(s.end <= p.start || s.end >= p.end).toBe(true);
          }
          at = p.end;
        }
        expect(at).toBe(seg.end);
      }),
    );
  });
});

describe('span edits', () => {
  const a = { start: 0, end: 5, label: 'A' };
  it('refuses an overlapping span when the question forbids overlap, saying which one', () => {
    const r = addSpan([a], { start: 3, end: 8, label: 'B' }, false);
    expect(r).toEqual({ ok: false, message: expect.stringContaining('A 0–5') });
  });
  it('keeps spans sorted and reports where the new one landed', () => {
    const r = addSpan([{ start: 10, end: 12, label: 'A' }], a, false);
    expect(r).toEqual({ ok: true, spans: [a, { start: 10, end: 12, label: 'A' }], index: 0 });
  });
  it('refuses a duplicate and relabels in place', () => {
    expect(addSpan([a], { ...a }, true).ok).toBe(false);
    expect(relabelSpan([a], 0, 'B')).toEqual({ ok: true, spans: [{ ...a, label: 'B' }], index: 0 });
  });
  it('gives each label a distinct letter, preferring its own, never S', () => {
    const keys = labelKeys(['PERSON', 'PLACE', 'SPECIES', 'ORG']);
    expect(keys.get('PERSON')).toBe('p');
    expect(keys.get('PLACE')).toBe('l');
    expect(keys.get('SPECIES')).toBe('p' === keys.get('SPECIES') ? 'x' : 'e');
    expect(new Set(keys.values()).size).toBe(4);
    expect([...keys.values()]).not.toContain('s');
  });
  it('picks the shortest span under a click', () => {
    const spans = [
      { start: 0, end: 10, label: 'A' },
      { start: 2, end: 4, label: 'B' },
    ];
    expect(spanAt(spans, [0, 1], 3)).toBe(1);
    expect(spanAt(spans, [0, 1], 5)).toBe(0);
    expect(spanAt(spans, [0, 1], 10)).toBeUndefined();
  });
});

describe('line movement', () => {
  const index = indexText('ab\ncdef\n\ng');
  it('moves to line edges and between lines keeping the column', async () => {
    const { lineEdge, stepLine } = await import('./kernels.ts');
    expect(lineEdge(index, 5, -1)).toBe(3);
    expect(lineEdge(index, 5, 1)).toBe(7);
    expect(stepLine(index, 1, 1)).toBe(4);
    expect(stepLine(index, 6, -1)).toBe(2);
    expect(stepLine(index, 6, 1)).toBe(8);
    expect(stepLine(index, 8, 1)).toBe(9);
  });
  it('estimates placeholder lines from wrapping and newlines', async () => {
    const { estimateLines } = await import('./kernels.ts');
    const t = indexText(`${'x'.repeat(25)}\nyy\n`);
    expect(estimateLines(t, { start: 0, end: t.length }, 10)).toBe(4);
  });
});
