import { describe, expect, it } from 'vitest';
import {
  clock,
  fittingLevel,
  followPlayhead,
  levelPixels,
  pixelToTime,
  playerKey,
  scrollKeeping,
  timeToPixel,
  visibleTiles,
} from './waveform.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean }> = {}) =>
  playerKey({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('waveform kernels', () => {
  it('maps pixels and times both ways at a level', () => {
    expect(pixelToTime(1000, 16000, 256)).toBeCloseTo(16);
    expect(timeToPixel(16, 16000, 256)).toBeCloseTo(1000);
    expect(timeToPixel(pixelToTime(1234, 44100, 4096), 44100, 4096)).toBeCloseTo(1234);
    expect(pixelToTime(-5, 16000, 256)).toBe(0);
  });

  it('picks the finest level that fits, else the coarsest', () => {
    // 30 s at 16 kHz: 1875 px at 256, 469 px at 1024.
    expect(fittingLevel(30 * 16000, 800)).toBe(1);
    expect(fittingLevel(30 * 16000, 2000)).toBe(0);
    // 3 hours at 16 kHz is wider than any view at every level.
    expect(fittingLevel(3 * 3600 * 16000, 1200)).toBe(3);
    expect(levelPixels(1025, 256)).toBe(5);
  });

  it('lists only the tiles in view, never past the end', () => {
    expect(visibleTiles(0, 800, 10_000)).toEqual([0]);
    expect(visibleTiles(1000, 800, 10_000)).toEqual([0, 1]);
    expect(visibleTiles(2048, 1024, 10_000)).toEqual([2]);
    expect(visibleTiles(9_500, 800, 10_000)).toEqual([9]);
    expect(visibleTiles(0, 800, 300)).toEqual([0]);
    expect(visibleTiles(0, 800, 0)).toEqual([]);
    // 3 hours at level 256: 675,000 px, 660 tiles, of which a 1200 px view needs two.
    expect(visibleTiles(400_000, 1200, 675_000)).toEqual([390, 391]);
  });

  it('keeps a time in place when zooming, and follows the playhead by pages', () => {
    // The time at x=100 stays at x=100 after zooming in 4×.
    const t = pixelToTime(500 + 100, 16000, 1024);
    const s = scrollKeeping(t, 100, 16000, 256, 100_000, 800);
    expect(pixelToTime(s + 100, 16000, 256)).toBeCloseTo(t, 1);
    expect(scrollKeeping(0.1, 400, 16000, 256, 100_000, 800)).toBe(0);
    expect(followPlayhead(300, 0, 10_000, 800)).toBe(0);
    expect(followPlayhead(900, 0, 10_000, 800)).toBe(700);
    expect(followPlayhead(9_990, 0, 10_000, 800)).toBe(9_200);
  });

  it('words times and reads keys', () => {
    expect(clock(65.9)).toBe('1:05');
    expect(clock(3 * 3600 + 7)).toBe('3:00:07');
    expect(key(' ')).toEqual({ kind: 'toggle' });
    expect(key('ArrowRight')).toEqual({ kind: 'seek', by: 5 });
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'seek', by: -1 });
    expect(key('+')).toEqual({ kind: 'zoom', by: 1 });
    expect(key('-')).toEqual({ kind: 'zoom', by: -1 });
    // Digits and Enter are the annotation view's.
    expect(key('1')).toBeUndefined();
    expect(key('Enter')).toBeUndefined();
    expect(key(' ', { ctrlKey: true })).toBeUndefined();
  });
});
