import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxWeightAssignment } from './assignment.ts';

const total = (w: number[][], pairs: [number, number][]) =>
  pairs.reduce((s, [i, j]) => s + (w[i]?.[j] ?? 0), 0);

/** Every assignment by brute force (small matrices only). */
function best(w: number[][]): number {
  const cols = w[0]?.length ?? 0;
  const go = (i: number, used: Set<number>): number => {
    if (i === w.length) return 0;
    let top = go(i + 1, used);
    for (let j = 0; j < cols; j++) {
      if (used.has(j)) continue;
      used.add(j);
      top = Math.max(top, (w[i]?.[j] ?? 0) + go(i + 1, used));
      used.delete(j);
    }
    return top;
  };
  return go(0, new Set());
}

describe('maxWeightAssignment', () => {
  it('prefers the total over the greedy first pick', () => {
    // Greedy takes 0.9 (row 0, col 0) and is left with 0.1; the best pairs 0.8 + 0.8.
    const w = [
      [0.9, 0.8],
      [0.8, 0.1],
    ];
    expect(maxWeightAssignment(w)).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('handles more rows than columns and leaves zero pairs out', () => {
    expect(maxWeightAssignment([[0], [0.5], [0.2]])).toEqual([[1, 0]]);
    expect(maxWeightAssignment([[0, 0]])).toEqual([]);
    expect(maxWeightAssignment([])).toEqual([]);
  });

  it('finds the best total on random matrices', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((r) =>
          fc.integer({ min: 1, max: 5 }).chain((c) =>
            fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: c, maxLength: c }), {
              minLength: r,
              maxLength: r,
            }),
          ),
        ),
        (w) => {
          const pairs = maxWeightAssignment(w);
          expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
          expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
          expect(total(w, pairs)).toBe(best(w));
        },
      ),
      { numRuns: 200 },
    );
  });
});
