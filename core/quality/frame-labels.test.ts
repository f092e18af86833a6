import { describe, expect, it } from 'vitest';
import { framesGoldShare, labelsByFrame, lastLabelledFrame } from './frame-labels.ts';

describe('labelsByFrame', () => {
  it('holds a keyframe label to the next keyframe, the last one to the last frame known', () => {
    const a = [
      { frame: 4, label: 'run' },
      { frame: 1, label: 'walk' },
    ];
    expect([...(labelsByFrame(a, 'keyframes', 6) ?? [])]).toEqual([
      [1, 'walk'],
      [2, 'walk'],
      [3, 'walk'],
      [4, 'run'],
      [5, 'run'],
      [6, 'run'],
    ]);
    expect([...(labelsByFrame(a, 'frames', 6) ?? [])]).toEqual([
      [1, 'walk'],
      [4, 'run'],
    ]);
    expect(lastLabelledFrame([a, [{ frame: 9, label: 'x' }]])).toBe(9);
  });

  it('refuses to expand more than a million frames', () => {
    expect(labelsByFrame([{ frame: 0, label: 'a' }], 'keyframes', 2_000_000)).toBeNull();
  });
});

describe('framesGoldShare', () => {
  it('is the share of gold frames with the same label', () => {
    // Gold: walk 0-4, run 5-9 (last frame known 9). Answer: walk 0-6, run 7-9 → frames 5, 6 differ: 8/10.
    const gold = [
      { frame: 0, label: 'walk' },
      { frame: 5, label: 'run' },
      { frame: 9, label: 'run' },
    ];
    const given = [
      { frame: 0, label: 'walk' },
      { frame: 7, label: 'run' },
    ];
    expect(framesGoldShare(given, gold, 'keyframes')).toBe(0.8);
    // Frames mode: gold's three frames; the answer labels frame 0 only (walk = walk): 1/3.
    expect(framesGoldShare(given, gold, 'frames')).toBeCloseTo(1 / 3, 12);
    expect(framesGoldShare([], [], 'frames')).toBe(1);
    expect(framesGoldShare(given, [], 'frames')).toBe(0);
  });
});
