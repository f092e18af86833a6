import { describe, expect, it } from 'vitest';
import { ago } from './ago.ts';

const now = Date.parse('2026-03-10T12:00:00Z');
const earlier = (ms: number) => new Date(now - ms).toISOString();

describe('ago', () => {
  it('says how long ago in the largest whole unit', () => {
    expect(ago(earlier(20_000), now)).toBe('just now');
    expect(ago(earlier(5 * 60_000 + 59_000), now)).toBe('5 min ago');
    expect(ago(earlier(3 * 3_600_000), now)).toBe('3 h ago');
    expect(ago(earlier(24 * 3_600_000), now)).toBe('1 day ago');
    expect(ago(earlier(6 * 24 * 3_600_000), now)).toBe('6 days ago');
  });

  it('gives the date past a week, and "just now" for a clock slightly ahead', () => {
    expect(ago(earlier(8 * 24 * 3_600_000), now)).toMatch(/^on .*2026/);
    expect(ago(new Date(now + 5_000).toISOString(), now)).toBe('just now');
  });

  it('says seconds when asked, past the first five', () => {
    expect(ago(now - 3_000, now, { seconds: true })).toBe('just now');
    expect(ago(now - 10_000, now, { seconds: true })).toBe('10 s ago');
    expect(ago(now - 61_000, now, { seconds: true })).toBe('1 min ago');
    expect(ago(now - 10_000, now)).toBe('just now');
  });
});
