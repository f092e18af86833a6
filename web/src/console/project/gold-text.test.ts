import { describe, expect, it } from 'vitest';
import { accuracyText, percent } from './gold-text.ts';

describe('gold accuracy in words', () => {
  it('shows the accuracy, its interval and its count, or a dash when nothing is scored', () => {
    expect(percent(0.7556)).toBe('75.6 %');
    expect(accuracyText({ n: 2, accuracy: 0.5, interval: { low: 0.0946, high: 0.9054 } })).toBe(
      '50 % (9.5 %–90.5 %, n 2)',
    );
    expect(accuracyText({ n: 0, accuracy: null, interval: { low: 0, high: 1 } })).toBe('—');
  });
});
