import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AlphaLevel, Coincidences } from './krippendorff.ts';

// Wikipedia, "Krippendorff's alpha", worked example: 3 coders × 15 units, '*' = missing.
const A = [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3];
const B = [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null];
const C = [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4];

function table(units: readonly (readonly number[])[]): Coincidences {
  const t = new Coincidences();
  for (const u of units) t.addUnit(u);
  return t;
}
const wikipedia = A.map((_, i) => [A[i], B[i], C[i]].filter((v): v is number => v !== null));

describe("Krippendorff's alpha", () => {
  it('matches the published nominal and interval values of the worked example', () => {
    const t = table(wikipedia);
    expect(t.total).toBe(26); // units 1, 2 and 14 are not pairable
    expect(t.alpha('nominal')).toBeCloseTo(0.691358, 6);
    expect(t.alpha('interval')).toBeCloseTo(0.810845, 6);
  });

  // Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
  // Communication, Departmental Papers 43 (https://repository.upenn.edu/asc_papers/43), section C
  // ("Any number of observers, missing data"): 4 observers × 12 units, published as alpha ordinal
  // = 0.815 and ratio = 0.797 (three decimals; the same data and values are in the test suite of
  // the `krippendorff` Python package, tests/test_krippendorff.py). Unit 12 has one value only.
  const obsA = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
  const obsB = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
  const obsC = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
  const obsD = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
  const section = obsA.map((_, i) =>
    [obsA[i], obsB[i], obsC[i], obsD[i]].filter((v): v is number => v !== null),
  );

  it('matches the published ordinal and ratio values of Krippendorff (2011), section C', () => {
    const t = table(section);
    expect(t.total).toBe(40); // 41 values, the lone value of unit 12 is not pairable
    expect(Number((t.alpha('ordinal') as number).toFixed(3))).toBe(0.815);
    expect(Number((t.alpha('ratio') as number).toFixed(3))).toBe(0.797);
  });

  it('is undefined without variation or without pairable units', () => {
    expect(
      table([
        [2, 2],
        [2, 2, 2],
      ]).alpha('nominal'),
    ).toBeNull();
    expect(table([[1], [2]]).alpha('interval')).toBeNull();
  });

  it('is below 0 when coders disagree more than chance would', () => {
    expect(
      table([
        [1, 2],
        [1, 2],
      ]).alpha('nominal'),
    ).toBeLessThan(0);
  });

  it('gives the same value at every level with only two distinct values', () => {
    const t = table([
      [1, 2, 2],
      [2, 2],
      [1, 1, 2],
      [1, 1],
    ]);
    const nominal = t.alpha('nominal') as number;
    expect(t.alpha('ordinal')).toBeCloseTo(nominal, 12);
    expect(t.alpha('interval')).toBeCloseTo(nominal, 12);
  });

  const levels: AlphaLevel[] = ['nominal', 'ordinal', 'interval', 'ratio'];
  const unitsArb = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 0, maxLength: 5 }), {
    minLength: 1,
    maxLength: 20,
  });

  it('is 1 under perfect agreement (with some variation between units)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 4 })), { minLength: 2 }),
        (units) => {
          fc.pre(new Set(units.map(([v]) => v)).size > 1);
          const t = table(units.map(([v, m]) => Array.from({ length: m }, () => v)));
          for (const level of levels) expect(t.alpha(level)).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it('is at most 1 and unchanged by reordering units or the values within them', () => {
    fc.assert(
      fc.property(unitsArb, fc.infiniteStream(fc.nat()), (units, noise) => {
        const shuffled = units
          .map((u) => [...u].reverse())
          .map((u, i) => ({ u, key: i * 7919 + (noise.next().value % 97) }))
          .sort((x, y) => (x.key % 13) - (y.key % 13))
          .map(({ u }) => u);
        const a = table(units);
        const b = table(shuffled);
        for (const level of levels) {
          const x = a.alpha(level);
          if (x === null) expect(b.alpha(level)).toBeNull();
          else {
            expect(x).toBeLessThanOrEqual(1 + 1e-12);
            expect(b.alpha(level)).toBeCloseTo(x, 10);
          }
        }
      }),
    );
  });
});
