import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type FrameRate,
  frameAt,
  frameCount,
  frameRateValue,
  frameStart,
  parseFrameRate,
} from './frame-rate.ts';

const RATES = ['30000/1001', '24000/1001', '60000/1001', '25/1', '30/1', '50/1', '60/1', '24/1'];
const rate = (text: string): FrameRate => {
  const r = parseFrameRate(text);
  if (!r) throw new Error(`not a rate: ${text}`);
  return r;
};
/** Frames in ten hours at the fastest rate above. */
const TEN_HOURS_AT_60 = 10 * 3600 * 60;

describe('parseFrameRate', () => {
  it('reads a positive rational and nothing else', () => {
    expect(parseFrameRate('30000/1001')).toEqual({ num: 30000, den: 1001 });
    expect(parseFrameRate('25/1')).toEqual({ num: 25, den: 1 });
    for (const bad of [null, undefined, '', '0/1', '25/0', '25', '29.97', '-25/1', '25/1 ', '01/1', '1/2/3'])
      expect(parseFrameRate(bad)).toBeNull();
  });

  it('gives the rate as a number for display', () => {
    expect(frameRateValue(rate('30000/1001'))).toBeCloseTo(29.97, 2);
  });
});

describe('frame arithmetic', () => {
  it('numbers frames from 0: the first frame starts at 0 s and a time before it is frame 0', () => {
    const r = rate('25/1');
    expect(frameStart(0, r)).toBe(0);
    expect(frameAt(0, r)).toBe(0);
    expect(frameAt(-1, r)).toBe(0);
    expect(frameStart(25, r)).toBe(1);
    expect(frameAt(0.999, r)).toBe(24);
    expect(frameAt(1, r)).toBe(25);
    // Within a thousandth of a frame (0.00004 s at 25 fps) before a frame starts counts as that frame.
    expect(frameAt(1 - 0.00003, r)).toBe(25);
    expect(frameAt(1 - 0.00005, r)).toBe(24);
  });

  it('does not drift over an hour at 29.97: an hour in is frame 107892, frame 30000 starts at 1001 s', () => {
    const r = rate('30000/1001');
    expect(frameAt(frameStart(107_892, r), r)).toBe(107_892);
    // docs/exports.md: at 29.97 fps 0.5 s is frame 14, 1.5 s frame 44, an hour frame 107892.
    expect(frameAt(0.5, r)).toBe(14);
    expect(frameAt(1.5, r)).toBe(44);
    expect(frameAt(3600, r)).toBe(107_892);
    expect(frameStart(30_000, r)).toBe(1001);
    expect(frameAt(1001, r)).toBe(30_000);
  });

  it('finds frame n back from its start time, for any rate and n up to ten hours (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATES), fc.integer({ min: 0, max: TEN_HOURS_AT_60 }), (text, n) => {
        const r = rate(text);
        expect(frameAt(frameStart(n, r), r)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds frame n at its start kept to the microsecond, as answers keep times (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATES), fc.integer({ min: 0, max: TEN_HOURS_AT_60 }), (text, n) => {
        const r = rate(text);
        expect(frameAt(Math.round(frameStart(n, r) * 1e6) / 1e6, r)).toBe(n);
      }),
      { numRuns: 5000 },
    );
  });

  it('finds frame n at any time inside it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...RATES),
        fc.integer({ min: 0, max: TEN_HOURS_AT_60 }),
        fc.double({ min: 0.001, max: 0.998, noNaN: true }),
        (text, n, within) => {
          const r = rate(text);
          const t = frameStart(n, r) + within * (frameStart(n + 1, r) - frameStart(n, r));
          expect(frameAt(t, r)).toBe(n);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts the frames of a media: exactly n when it lasts n frames, one more for any extra time', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RATES), fc.integer({ min: 1, max: TEN_HOURS_AT_60 }), (text, n) => {
        const r = rate(text);
        expect(frameCount(frameStart(n, r), r)).toBe(n);
        const half = (frameStart(n, r) + frameStart(n + 1, r)) / 2;
        expect(frameCount(half, r)).toBe(n + 1);
      }),
      { numRuns: 1000 },
    );
    expect(frameCount(0, rate('25/1'))).toBe(0);
    // A probe's rounded duration: 300 frames at 29.97 last 10.01 s.
    expect(frameCount(10.01, rate('30000/1001'))).toBe(300);
    expect(frameCount(2, rate('25/1'))).toBe(50);
    // Ten seconds at 25/1 hold frames 0-249.
    expect(frameCount(10, rate('25/1'))).toBe(250);
  });
});
