import { describe, expect, it } from 'vitest';
import { checkGold, goldDraftOf } from './gold-form.ts';

const before = {
  warmup: 3,
  rate: 0.1,
  bar: { minAccuracy: 0.7, after: 10 },
  questions: { n: { tolerance: 1 } },
};

describe('the gold settings form', () => {
  it('round-trips the settings through the draft, in percent, keeping per-question options', () => {
    const draft = goldDraftOf(before);
    expect(draft).toEqual({
      warmup: '3',
      ratePercent: '10',
      barOn: true,
      minAccuracyPercent: '70',
      after: '10',
    });
    expect(checkGold(draft, before)).toEqual({ ok: true, value: before });
  });

  it('turns the bar off, and names each field it cannot read', () => {
    const off = checkGold({ ...goldDraftOf(before), barOn: false, after: '' }, before);
    expect(off).toMatchObject({ ok: true, value: { bar: null } });
    const bad = checkGold(
      { warmup: '1.5', ratePercent: '120', barOn: true, minAccuracyPercent: '', after: '0' },
      before,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => e.path)).toEqual([
        'gold.warmup',
        'gold.rate',
        'gold.bar.minAccuracy',
        'gold.bar.after',
      ]);
  });
});
