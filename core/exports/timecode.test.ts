import { describe, expect, it } from 'vitest';
import { timecode } from './timecode.ts';

describe('timecode', () => {
  it('writes hours, minutes, seconds and milliseconds', () => {
    expect(timecode(3723.5, '.')).toBe('01:02:03.500');
    expect(timecode(3723.5, ',')).toBe('01:02:03,500');
    expect(timecode(0, '.')).toBe('00:00:00.000');
  });

  it('rounds to the millisecond, carrying into the second', () => {
    expect(timecode(59.9996, '.')).toBe('00:01:00.000');
    expect(timecode(1.0004, ',')).toBe('00:00:01,000');
    expect(timecode(0.1 + 0.2, '.')).toBe('00:00:00.300');
  });

  it('lets hours pass 99', () => {
    expect(timecode(100 * 3600 + 1, '.')).toBe('100:00:01.000');
  });
});
