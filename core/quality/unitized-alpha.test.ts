import { describe, expect, it } from 'vitest';
import { type Unitized, unitizedAlpha } from './unitized-alpha.ts';

/** A unit from a beginning and a length in milliseconds (the continuum's grain), as the books give them. */
const u = (b: number, l: number, label?: string): Unitized => ({
  start: b / 1000,
  end: (b + l) / 1000,
  label,
});

describe("Krippendorff's alpha for unitized data", () => {
  it('reproduces the worked example of Krippendorff (2004, Content Analysis, p. 254)', () => {
    // The book's continuum runs from 150 to 450; shifted here to start at 0 (L = 300).
    const i = [u(75, 70, 'c'), u(220, 30, 'c'), u(30, 60, 'k'), u(150, 50, 'k')];
    const j = [u(70, 80, 'c'), u(205, 20, 'c'), u(250, 20, 'c'), u(30, 60, 'k'), u(150, 50, 'k')];
    const r = unitizedAlpha([i, j], 0.3);
    // D_o,c: overlapping c units (25 + 25) + (15² + 25²), j's unit 250-270 inside i's gap 250-300
    // (20²): 1300 per order, 2600 / (2·1·300²) = 0.01444.
    expect(r.categories.c?.observed).toBeCloseTo(2600 / 180_000, 12);
    expect(r.categories.c?.expected).toBeCloseTo(0.0532, 4);
    expect(r.categories.c?.alpha).toBeCloseTo(0.7286, 4);
    expect(r.categories.k?.observed).toBe(0);
    expect(r.categories.k?.expected).toBeCloseTo(0.049, 4);
    expect(r.categories.k?.alpha).toBe(1);
    // uα = 1 − (0.01444 + 0) / (0.05322 + 0.04898)
    expect(r.alpha).toBeCloseTo(0.8591, 3);
  });

  it('comes near the 1995 examples A and C (Krippendorff 1995, p. 57) on a fine continuum', () => {
    // 24 positions of 50 s each; the 1995 paper's expected disagreement is approximate, hence the tolerance.
    const s = 50_000;
    const a = unitizedAlpha(
      [
        [u(2 * s, 8 * s), u(14 * s, 6 * s)],
        [u(4 * s, 4 * s), u(15 * s, 2 * s)],
      ],
      24 * 50,
    );
    expect(a.categories['']?.observed).toBeCloseTo(0.03125, 5);
    expect(Math.abs((a.alpha as number) - 0.553)).toBeLessThan(0.02);
    const c = unitizedAlpha(
      [
        [u(2 * s, 6 * s), u(10 * s, 2 * s), u(14 * s, 4 * s), u(20 * s, 2 * s)],
        [u(0, 2 * s), u(4 * s, 4 * s), u(10 * s, 4 * s), u(16 * s, 2 * s), u(20 * s, 2 * s)],
      ],
      24 * 50,
    );
    expect(c.categories['']?.observed).toBeCloseTo(1 / 36, 12); // the paper: 0.02777
    expect(Math.abs((c.alpha as number) - 0.679)).toBeLessThan(0.02);
  });

  it('is 1 when the coders agree and null without two coders or any unit', () => {
    const same = [u(100, 200, 'x'), u(500, 100, 'y')];
    expect(unitizedAlpha([same, same, same], 1).alpha).toBe(1);
    expect(unitizedAlpha([same], 1).alpha).toBeNull();
    expect(unitizedAlpha([[], []], 1).alpha).toBeNull();
  });

  it('falls below 0 when the coders mark complementary stretches', () => {
    // Hand-worked, L = 4 grains: coder 1 marks [0, 2), coder 2 marks [2, 4). Each unit lies in the
    // other's gap: D_o = 2·(2² + 2²)/(2·1·4²) = 0.5. D_e = (2/4)·Σ over both units l = 2:
    // (N − 1)/3·l(l−1)(2l−1) = 1/3·6 = 2 and l²·Σ gaps ≥ 2 (two of length 2: 1 each) = 8, so
    // (2/4)·20 / (2·4·7 − 2·2) = 10/52; uα = 1 − 0.5·52/10 = −1.6.
    const r = unitizedAlpha([[u(0, 2)], [u(2, 2)]], 0.004);
    expect(r.categories['']?.observed).toBe(0.5);
    expect(r.categories['']?.expected).toBeCloseTo(10 / 52, 12);
    expect(r.alpha).toBeCloseTo(-1.6, 12);
  });
});
