import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatCoefficient } from './report-rows.ts';
import { wilsonInterval } from './wilson.ts';

describe('report rows', () => {
  it('writes a coefficient with three decimals, a dash where undefined', () => {
    expect(formatCoefficient(0.61234)).toBe('0.612');
    expect(formatCoefficient(null)).toBe('—');
    expect(formatCoefficient(undefined)).toBe('—');
  });

  it('writes a gold accuracy with its count and interval, a dash without a scored answer', () => {
    const interval = { low: 0.3006, high: 0.9544 };
    expect(formatAccuracy({ n: 4, accuracy: 0.75, interval })).toBe('0.750 (n 4, 0.30–0.95)');
    expect(formatAccuracy({ n: 0, accuracy: null, interval: wilsonInterval(0, 0) })).toBe('—');
    expect(formatAccuracy(undefined)).toBe('—');
  });
});
