import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairOverlapF1, type Span, SpanAgreement } from './span-f1.ts';

const s = (start: number, end: number, label: string): Span => ({ start, end, label });

describe('span F1 between annotators', () => {
  it('counts exact and overlapping matches per label and overall', () => {
    const agreement = new SpanAgreement();
    agreement.addPair(
      [s(0, 5, 'PER'), s(10, 14, 'ORG')],
      [s(0, 5, 'PER'), s(11, 14, 'ORG'), s(20, 22, 'LOC')],
    );
    const overall = agreement.overall();
    // Exact: PER matches on both sides: 2 of 5 spans. Overlap: PER and ORG match on both sides: 4 of 5.
    expect(overall).toEqual({ exact: 2 / 5, overlap: 4 / 5, spans: 5 });
    expect(agreement.labels()).toEqual({
      LOC: { exact: 0, overlap: 0, spans: 1 },
      ORG: { exact: 0, overlap: 1, spans: 2 },
      PER: { exact: 1, overlap: 1, spans: 2 },
    });
  });

  it('micro-averages over pairs and ignores pairs without spans', () => {
    const agreement = new SpanAgreement();
    agreement.addPair([s(0, 2, 'A')], [s(0, 2, 'A')]);
    agreement.addPair([], []);
    agreement.addPair([s(0, 2, 'A')], []);
    expect(agreement.pairs).toBe(2);
    expect(agreement.overall().exact).toBeCloseTo(2 / 3, 12);
    expect(pairOverlapF1([], [])).toBeNull();
  });

  it('does not match a span with a different label, even at the same place', () => {
    expect(pairOverlapF1([s(0, 3, 'A')], [s(0, 3, 'B')])).toBe(0);
  });

  const spanArb = fc
    .tuple(fc.nat({ max: 30 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom('A', 'B'))
    .map(([start, len, label]) => s(start, start + len, label));
  it('is 1 for identical spans and symmetric in the two annotators', () => {
    fc.assert(
      fc.property(
        fc.array(spanArb, { minLength: 1, maxLength: 6 }),
        fc.array(spanArb, { maxLength: 6 }),
        (a, b) => {
          expect(pairOverlapF1(a, a)).toBe(1);
          const ab = new SpanAgreement();
          const ba = new SpanAgreement();
          ab.addPair(a, b);
          ba.addPair(b, a);
          expect(ba.overall()).toEqual(ab.overall());
        },
      ),
    );
  });
});
