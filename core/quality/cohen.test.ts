import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CohenKappa } from './cohen.ts';

function fill(cells: readonly (readonly number[])[]): CohenKappa {
  const k = new CohenKappa(cells.length);
  for (const [i, row] of cells.entries())
    for (const [j, count] of row.entries()) for (let c = 0; c < count; c++) k.add(i, j);
  return k;
}

describe("Cohen's kappa", () => {
  it('matches the 50-proposal example (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): 0.40', () => {
    const k = fill([
      [20, 5],
      [10, 15],
    ]);
    expect(k.n).toBe(50);
    expect(k.kappa()).toBeCloseTo(0.4, 6);
    // With two categories every weighting is the same.
    expect(k.kappa('linear')).toBeCloseTo(0.4, 6);
    expect(k.kappa('quadratic')).toBeCloseTo(0.4, 6);
  });

  it('weights near misses less than far ones', () => {
    // Off by one step only: weighted kappas are higher than the unweighted one.
    const k = fill([
      [10, 3, 0],
      [3, 10, 3],
      [0, 3, 10],
    ]);
    const u = k.kappa() as number;
    const l = k.kappa('linear') as number;
    const q = k.kappa('quadratic') as number;
    expect(u).toBeLessThan(l);
    expect(l).toBeLessThan(q);
    // Hand computation: N = 42, rows = cols = (13, 16, 13); linear O = 12·½ = 6,
    // E = ½·(2·13·16 + 2·16·13)/42 + 1·(2·13·13)/42 = (416 + 338)/42.
    expect(l).toBeCloseTo(1 - 6 / ((416 + 338) / 42), 12);
  });

  it('is 1 under perfect agreement and symmetric in the two annotators', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 3 }), fc.nat({ max: 3 })), { minLength: 1 }), (pairs) => {
        const ab = new CohenKappa(4);
        const ba = new CohenKappa(4);
        const same = new CohenKappa(4);
        for (const [a, b] of pairs) {
          ab.add(a, b);
          ba.add(b, a);
          same.add(a, a);
        }
        for (const w of ['unweighted', 'linear', 'quadratic'] as const) {
          const x = ab.kappa(w);
          if (x === null) expect(ba.kappa(w)).toBeNull();
          else expect(ba.kappa(w)).toBeCloseTo(x, 10);
          const s = same.kappa(w);
          if (s !== null) expect(s).toBeCloseTo(1, 12);
        }
      }),
    );
  });
});
