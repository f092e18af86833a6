import { describe, expect, it } from 'vitest';
import { goldIsDue, goldPhase } from './gold-serving.ts';

/** Serves n items by the rule (gold always available) and returns which were gold. */
function simulate(n: number, warmup: number, rate: number, phase: number): boolean[] {
  const out: boolean[] = [];
  let gold = 0;
  for (let served = 0; served < n; served++) {
    const due = goldIsDue({ served, gold, warmup, rate, phase });
    out.push(due);
    if (due) gold++;
  }
  return out;
}

describe('goldIsDue', () => {
  it('serves the warm-up as gold, then nothing without a rate', () => {
    expect(simulate(6, 3, 0, 0.5)).toEqual([true, true, true, false, false, false]);
  });

  it('serves one in ten after the warm-up at rate 0.1, whatever the phase', () => {
    for (const phase of [0, 0.25, 0.5, 0.99]) {
      const served = simulate(2 + 100, 2, 0.1, phase);
      expect(served.slice(0, 2)).toEqual([true, true]);
      const after = served.slice(2);
      expect(after.filter(Boolean).length).toBe(Math.floor(100 * 0.1 + phase));
      // Every stretch of ten consecutive items holds exactly one.
      for (let at = 0; at + 10 <= after.length; at++)
        expect(after.slice(at, at + 10).filter(Boolean).length).toBe(1);
    }
  });

  it('catches up when gold ran short, and serves everything as gold at rate 1', () => {
    expect(goldIsDue({ served: 10, gold: 0, warmup: 0, rate: 0.1, phase: 0 })).toBe(true);
    expect(simulate(5, 0, 1, 0)).toEqual([true, true, true, true, true]);
  });

  it('draws a stable phase in [0, 1) per annotator and project', () => {
    expect(goldPhase(3, 7)).toBe(goldPhase(3, 7));
    expect(goldPhase(3, 7)).not.toBe(goldPhase(7, 3));
    for (let u = 1; u < 50; u++) {
      const p = goldPhase(u, 1);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(1);
    }
  });
});
