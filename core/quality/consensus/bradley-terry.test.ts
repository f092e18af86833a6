import { describe, expect, it } from 'vitest';
import { bradleyTerry, WinTable } from './bradley-terry.ts';
import { seeded } from './synthetic.ts';

describe('bradleyTerry', () => {
  it('recovers known strengths from simulated comparisons', () => {
    const truth = [1.5, 0.5, 0, -1];
    const ids = ['a', 'b', 'c', 'd'];
    const random = seeded(17);
    const table = new WinTable(ids);
    for (let g = 0; g < 6000; g++) {
      const i = Math.floor(random() * 4);
      const j = (i + 1 + Math.floor(random() * 3)) % 4;
      const pi = 1 / (1 + Math.exp(truth[j]! - truth[i]!));
      if (random() < pi) table.compare(ids[i]!, ids[j]!);
      else table.compare(ids[j]!, ids[i]!);
    }
    const r = bradleyTerry(table);
    expect(r.order).toEqual([[0], [1], [2], [3]]);
    // Differences of log strengths are what the model identifies.
    for (let i = 1; i < 4; i++)
      expect(Math.abs(r.scores[0]! - r.scores[i]! - (truth[0]! - truth[i]!))).toBeLessThan(0.15);
    const expected = 1 / (1 + Math.exp(r.scores[1]! - r.scores[0]!));
    expect(r.confidence).toBeCloseTo(expected, 12);
    expect(r.confidence).toBeGreaterThan(0.65);
  });

  it('counts a tie as half a win each way', () => {
    const table = new WinTable(['a', 'b']);
    table.compare('a', 'b', true);
    table.compare('a', 'b', true);
    const r = bradleyTerry(table);
    expect(r.scores[0]).toBeCloseTo(r.scores[1]!, 12);
    expect(r.order).toEqual([[0, 1]]);
    expect(r.confidence).toBeCloseTo(0.5, 12);
  });

  it('gives an undefeated candidate and an uncompared one finite scores', () => {
    const table = new WinTable(['a', 'b', 'c']);
    for (let g = 0; g < 5; g++) table.compare('a', 'b');
    const r = bradleyTerry(table);
    for (const s of r.scores) expect(Number.isFinite(s)).toBe(true);
    expect(r.scores[0]).toBeGreaterThan(0);
    expect(r.scores[1]).toBeLessThan(0);
    expect(r.scores[2]).toBeCloseTo(0, 9);
    expect(r.order).toEqual([[0], [2], [1]]);
    expect(r.confidence).toBeLessThan(1);
  });

  it('reads rankings as every pair across tiers and ties within a tier', () => {
    const table = new WinTable(['r1', 'r2', 'r3', 'r4']);
    table.ranking([['r3'], ['r1', 'r4'], ['r2']]);
    table.ranking([['r3'], ['r1', 'r4'], ['r2']]);
    const at = (a: number, b: number) => table.wins[a * 4 + b];
    expect(at(2, 0)).toBe(2);
    expect(at(0, 3)).toBe(1);
    expect(at(3, 0)).toBe(1);
    expect(at(1, 2)).toBe(0);
    const r = bradleyTerry(table);
    expect(r.order).toEqual([[2], [0, 3], [1]]);
  });

  it('returns a confidence of 1 for a single candidate', () => {
    const r = bradleyTerry(new WinTable(['only']));
    expect(r.order).toEqual([[0]]);
    expect(r.confidence).toBe(1);
  });
});
