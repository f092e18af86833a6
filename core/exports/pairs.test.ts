import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairwisePair, rankingPairs } from './pairs.ts';

describe('pairwisePair', () => {
  it('prefers the named candidate over the other, its strength the margin', () => {
    expect(pairwisePair({ preferred: 'b', strength: 3 }, ['a', 'b'])).toEqual({
      chosen: 'b',
      rejected: 'a',
      margin: 3,
    });
    expect(pairwisePair({ preferred: 'a', strength: 0.5 }, ['a', 'b'])).toEqual({
      chosen: 'a',
      rejected: 'b',
      margin: 0.5,
    });
  });

  it('makes no pair of a tie, an unknown candidate or an item without exactly two', () => {
    expect(pairwisePair({ preferred: null, strength: 0 }, ['a', 'b'])).toBeUndefined();
    expect(pairwisePair({ preferred: 'a', strength: 0 }, ['a', 'b'])).toBeUndefined();
    expect(pairwisePair({ preferred: 'c', strength: 2 }, ['a', 'b'])).toBeUndefined();
    expect(pairwisePair({ preferred: 'a', strength: 2 }, ['a', 'b', 'c'])).toBeUndefined();
  });
});

/** A ranking with ties: distinct ids cut into non-empty tiers. */
const ranking = fc
  .uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 10 })
  .chain((ids) =>
    fc.array(fc.boolean(), { minLength: ids.length, maxLength: ids.length }).map((cuts) => {
      const tiers: string[][] = [];
      ids.forEach((id, i) => {
        if (i === 0 || cuts[i]) tiers.push([id]);
        else tiers[tiers.length - 1]!.push(id);
      });
      return tiers;
    }),
  );

describe('rankingPairs', () => {
  it('pairs each candidate with every candidate of each lower tier, the tier distance the margin', () => {
    expect(rankingPairs([['a'], ['b', 'c'], ['d']], 'all', () => true)).toEqual([
      { chosen: 'a', rejected: 'b', margin: 1 },
      { chosen: 'a', rejected: 'c', margin: 1 },
      { chosen: 'a', rejected: 'd', margin: 2 },
      { chosen: 'b', rejected: 'd', margin: 1 },
      { chosen: 'c', rejected: 'd', margin: 1 },
    ]);
    expect(rankingPairs([['a'], ['b', 'c'], ['d']], 'adjacent', () => true)).toEqual([
      { chosen: 'a', rejected: 'b', margin: 1 },
      { chosen: 'a', rejected: 'c', margin: 1 },
      { chosen: 'b', rejected: 'd', margin: 1 },
      { chosen: 'c', rejected: 'd', margin: 1 },
    ]);
  });

  it('gives exactly the pairs across tiers and never pairs a tie (any ranking with ties)', () => {
    fc.assert(
      fc.property(ranking, fc.constantFrom('all' as const, 'adjacent' as const), (tiers, mode) => {
        const pairs = rankingPairs(tiers, mode, () => true);
        const tierOf = new Map(tiers.flatMap((t, i) => t.map((id) => [id, i] as const)));
        let expected = 0;
        for (let i = 0; i < tiers.length; i++)
          for (let j = i + 1; j < tiers.length; j++)
            if (mode === 'all' || j === i + 1) expected += tiers[i]!.length * tiers[j]!.length;
        expect(pairs).toHaveLength(expected);
        const seen = new Set<string>();
        for (const p of pairs) {
          const [ci, ri] = [tierOf.get(p.chosen)!, tierOf.get(p.rejected)!];
          expect(ci).toBeLessThan(ri);
          expect(p.margin).toBe(ri - ci);
          if (mode === 'adjacent') expect(p.margin).toBe(1);
          seen.add(JSON.stringify([p.chosen, p.rejected]));
        }
        expect(seen.size).toBe(pairs.length);
      }),
    );
  });

  it('leaves out ids that are not candidates, and tiers they empty', () => {
    const known = (id: string) => id !== 'gone';
    expect(rankingPairs([['a'], ['gone'], ['b']], 'adjacent', known)).toEqual([
      { chosen: 'a', rejected: 'b', margin: 1 },
    ]);
  });
});
