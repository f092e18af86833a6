import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kendallTauB, kendallW, type Tiers } from './kendall.ts';

/** Tiers from scores per id, lowest score best. */
function tiers(scores: Record<string, number>): string[][] {
  const byScore = new Map<number, string[]>();
  for (const [id, v] of Object.entries(scores)) byScore.set(v, [...(byScore.get(v) ?? []), id]);
  return [...byScore.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
}

describe("Kendall's tau-b", () => {
  it('matches a published value with ties on both sides (SciPy kendalltau example: −0.471405)', () => {
    const x = tiers({ a: 12, b: 2, c: 1, d: 12, e: 2 });
    const y = tiers({ a: 1, b: 4, c: 7, d: 1, e: 0 });
    expect(kendallTauB(x, y)).toBeCloseTo(-0.471405, 6);
  });

  it('is 1 for the same ranking, −1 for the reverse, null when one side ties everything', () => {
    const r: Tiers = [['a'], ['b'], ['c']];
    expect(kendallTauB(r, r)).toBe(1);
    expect(kendallTauB(r, [['c'], ['b'], ['a']])).toBe(-1);
    expect(kendallTauB(r, [['a', 'b', 'c']])).toBeNull();
  });

  it('uses only the ids both rankings have', () => {
    expect(kendallTauB([['a'], ['x'], ['b']], [['a'], ['b'], ['y']])).toBe(1);
  });
});

describe("Kendall's W", () => {
  it('is (1 + Spearman rho)/2 for two rankings without ties', () => {
    // rho = 1 − 6·Σd²/(n(n² − 1)) = 1 − 6·2/60 = 0.8
    expect(
      kendallW([
        [['a'], ['b'], ['c'], ['d']],
        [['b'], ['a'], ['c'], ['d']],
      ]),
    ).toBeCloseTo(0.9, 12);
  });

  it('corrects for ties: identical tied rankings agree perfectly', () => {
    const r: Tiers = [['a', 'b'], ['c'], ['d', 'e']];
    expect(kendallW([r, r, r])).toBeCloseTo(1, 12);
  });

  it('is 0 for two opposite rankings and null under two rankings', () => {
    expect(
      kendallW([
        [['a'], ['b']],
        [['b'], ['a']],
      ]),
    ).toBeCloseTo(0, 12);
    expect(kendallW([[['a'], ['b']]])).toBeNull();
  });

  it('lies in [0, 1] and does not depend on the order of the rankings', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const rankingArb = fc
      .array(fc.nat({ max: 3 }), { minLength: ids.length, maxLength: ids.length })
      .map((scores) => tiers(Object.fromEntries(ids.map((id, i) => [id, scores[i] as number]))));
    fc.assert(
      fc.property(fc.array(rankingArb, { minLength: 2, maxLength: 5 }), (rankings) => {
        const w = kendallW(rankings);
        if (w === null) return;
        expect(w).toBeGreaterThanOrEqual(-1e-12);
        expect(w).toBeLessThanOrEqual(1 + 1e-12);
        expect(kendallW([...rankings].reverse())).toBeCloseTo(w, 12);
      }),
    );
  });
});
