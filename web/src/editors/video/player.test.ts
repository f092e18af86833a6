import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameAt, frameStart, parseFrameRate } from '../../../../core/media/frame-rate.ts';
import {
  clampFrame,
  frameOfPresentation,
  frameToX,
  preciseClock,
  seekTime,
  videoKey,
  xToFrame,
} from './player.ts';

const NTSC = parseFrameRate('30000/1001')!;
const key = (k: string, shiftKey = false) =>
  videoKey({ key: k, shiftKey, ctrlKey: false, metaKey: false, altKey: false });

describe('video player kernels', () => {
  it('seeks half a frame into a frame, which frameAt reads back as that frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000 }), (n) => {
        expect(frameAt(seekTime(n, NTSC), NTSC)).toBe(n);
        expect(seekTime(n, NTSC)).toBeGreaterThan(frameStart(n, NTSC));
        expect(seekTime(n, NTSC)).toBeLessThan(frameStart(n + 1, NTSC));
      }),
    );
  });

  it('reads a presentation time rounded to the millisecond (WebM) as its frame', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (n) => {
        const ms = Math.round(frameStart(n, NTSC) * 1000) / 1000;
        expect(frameOfPresentation(ms, NTSC)).toBe(n);
        // Rounded down by a millisecond, floor would say n - 1; the nearest start is still n.
        expect(frameOfPresentation(Math.floor(frameStart(n, NTSC) * 1000) / 1000, NTSC)).toBe(n);
      }),
    );
  });

  it('100 frame steps at 30000/1001 land on frame 100, not on the drift of summed seconds', () => {
    let frame = 0;
    let summed = 0;
    for (let i = 0; i < 100; i += 1) {
      frame = clampFrame(frame + 1, null);
      summed += 1 / 29.97;
    }
    expect(frame).toBe(100);
    expect(frameAt(seekTime(frame, NTSC), NTSC)).toBe(100);
    expect(summed).not.toBe(frameStart(100, NTSC));
  });

  it('keeps frames inside the video', () => {
    expect(clampFrame(-3, 50)).toBe(0);
    expect(clampFrame(80, 50)).toBe(49);
    expect(clampFrame(80, null)).toBe(80);
  });

  it('maps keys: comma and period step, Shift by ten, space, Home and End', () => {
    expect(key(',')).toEqual({ kind: 'step', by: -1 });
    expect(key('.')).toEqual({ kind: 'step', by: 1 });
    expect(key('<', true)).toEqual({ kind: 'step', by: -10 });
    expect(key('>', true)).toEqual({ kind: 'step', by: 10 });
    expect(key('.', true)).toEqual({ kind: 'step', by: 10 });
    expect(key(' ')).toEqual({ kind: 'toggle' });
    expect(key('Home')).toEqual({ kind: 'home' });
    expect(key('End')).toEqual({ kind: 'end' });
    expect(key('1')).toBeUndefined();
    expect(
      videoKey({ key: '.', shiftKey: false, ctrlKey: true, metaKey: false, altKey: false }),
    ).toBeUndefined();
  });

  it('maps timeline pixels and frames both ways', () => {
    expect(frameToX(25, 50, 500)).toBe(250);
    expect(xToFrame(250, 50, 500)).toBe(25);
    expect(xToFrame(259, 50, 500)).toBe(25);
    expect(xToFrame(600, 50, 500)).toBe(49);
    expect(xToFrame(-5, 50, 500)).toBe(0);
  });

  it('writes times to the millisecond', () => {
    expect(preciseClock(0)).toBe('0:00.000');
    expect(preciseClock(frameStart(100, NTSC))).toBe('0:03.337');
    expect(preciseClock(3723.5)).toBe('1:02:03.500');
  });
});
