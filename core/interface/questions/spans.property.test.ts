import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerCheck } from './kind.ts';
import { checkSpans, compareSpans, type SpanAnswer } from './spans-check.ts';

const labels = ['A', 'B'];
const text = 'x'.repeat(20); // every offset is a grapheme boundary, so only the span rules decide
const spanArb = fc
  .tuple(fc.nat({ max: 20 }), fc.nat({ max: 20 }), fc.constantFrom(...labels))
  .filter(([a, b]) => a !== b)
  .map(([a, b, label]): SpanAnswer => ({ start: Math.min(a, b), end: Math.max(a, b), label }));
const spansArb = fc.array(spanArb, { maxLength: 8 });

const run = (spans: SpanAnswer[], allowOverlap: boolean): AnswerCheck =>
  checkSpans(spans, { name: 'e', labels, allowOverlap }, text);
const overlaps = (a: SpanAnswer, b: SpanAnswer) => a.start < b.end && b.start < a.end;
const isSorted = (spans: SpanAnswer[]) =>
  spans.every((s, i) => i === 0 || compareSpans(spans[i - 1]!, s) <= 0);
const pairs = (spans: SpanAnswer[]) =>
  spans.flatMap((a, i) => spans.slice(i + 1).map((b) => [a, b] as const));

describe('spans properties', () => {
  it('without allowOverlap, accepts exactly the answers with no two overlapping spans', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const clash = pairs(spans).some(([a, b]) => overlaps(a, b));
        expect(run(spans, false).ok).toBe(!clash);
      }),
    );
  });

  it('with allowOverlap, refuses exactly the answers with identical duplicates', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const duplicate = pairs(spans).some(([a, b]) => compareSpans(a, b) === 0);
        expect(run(spans, true).ok).toBe(!duplicate);
      }),
    );
  });

  it('returns accepted spans sorted, as a permutation of the input', () => {
    fc.assert(
      fc.property(spansArb, (spans) => {
        const result = run(spans, true);
        if (!result.ok) return;
        const value = result.value as SpanAnswer[];
        expect(isSorted(value)).toBe(true);
        expect(value).toEqual([...spans].sort(compareSpans));
      }),
    );
  });

  it('accepts any span between grapheme boundaries of arbitrary unicode text', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { minLength: 1 }),
        (graphemes) => {
          const s = graphemes.join('');
          // Joined graphemes may merge (e.g. two regional indicators); take boundaries from the segmenter.
          const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)];
          const first = segments[0]!.segment;
          const span = { start: 0, end: [...first].length, label: 'A', text: first };
          expect(checkSpans([span], { name: 'e', labels, allowOverlap: false }, s).ok).toBe(true);
        },
      ),
    );
  });
});
