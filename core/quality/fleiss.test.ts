import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FleissKappa } from './fleiss.ts';

// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
const wikipedia = [
  [0, 0, 0, 0, 14],
  [0, 2, 6, 4, 2],
  [0, 0, 3, 5, 6],
  [0, 3, 9, 2, 0],
  [2, 2, 8, 1, 1],
  [7, 7, 0, 0, 0],
  [3, 2, 6, 3, 0],
  [2, 5, 3, 2, 2],
  [6, 5, 2, 1, 0],
  [0, 2, 2, 3, 7],
];
const counts = (row: readonly number[]) => new Map(row.map((c, j) => [j, c] as const));

describe("Fleiss' kappa", () => {
  it('matches the published value of the worked example', () => {
    const f = new FleissKappa();
    for (const row of wikipedia) f.addCounts(counts(row));
    expect(f.units).toBe(10);
    expect(f.kappa()).toBeCloseTo(0.209931, 6);
  });

  it('takes units with different numbers of raters and skips units with one', () => {
    const f = new FleissKappa();
    f.addUnit(['a', 'a', 'a']);
    f.addUnit(['b', 'b']);
    f.addUnit(['a']);
    expect(f.units).toBe(2);
    expect(f.kappa()).toBeCloseTo(1, 12);
    expect(new FleissKappa().kappa()).toBeNull();
  });

  it('is 1 under perfect agreement and does not depend on unit order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('x', 'y', 'z'), fc.integer({ min: 2, max: 6 })), { minLength: 2 }),
        (units) => {
          fc.pre(new Set(units.map(([v]) => v)).size > 1);
          const f = new FleissKappa();
          const g = new FleissKappa();
          for (const [v, m] of units) f.addUnit(Array.from({ length: m }, () => v));
          for (const [v, m] of [...units].reverse()) g.addUnit(Array.from({ length: m }, () => v));
          expect(f.kappa()).toBeCloseTo(1, 12);
          expect(g.kappa()).toBeCloseTo(f.kappa() as number, 12);
        },
      ),
    );
  });
});
