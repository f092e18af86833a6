import { describe, expect, it } from 'vitest';
import type { TrackAnswer } from '../interface/index.ts';
import { boxIoU, compareTracks, lastKeyframe } from './track-match.ts';

const track = (id: string, label: string, keyframes: TrackAnswer['keyframes']): TrackAnswer => ({
  id,
  label,
  keyframes,
});
const box = (frame: number, x: number, y = 0, width = 10, height = 10) => ({ frame, x, y, width, height });

describe('boxIoU', () => {
  it('is the shared area over the joint area', () => {
    expect(boxIoU(box(0, 0), box(0, 0))).toBe(1);
    // Shifted by half a width: 50 shared, 150 joint.
    expect(boxIoU(box(0, 0), box(0, 5))).toBeCloseTo(1 / 3, 12);
    expect(boxIoU(box(0, 0), box(0, 10))).toBe(0);
  });
});

describe('compareTracks', () => {
  it('matches tracks per label and gives mean IoU over the union of frames', () => {
    // A: one car on frames 0-3 at x = 0. B: the same car on frames 0-3 shifted 5 px on frames 2-3,
    // and a person B alone has. Union of the cars' frames: 4; IoU 1, 1, 1/3, 1/3: mean 2/3.
    const a = [track('1', 'car', [box(0, 0), box(3, 0)])];
    const b = [
      track('x', 'car', [box(0, 0), box(1, 0), box(2, 5), box(3, 5)]),
      track('y', 'person', [box(0, 50), box(3, 50)]),
    ];
    const r = compareTracks(a, b, 3);
    expect(r.matches).toEqual([{ a: 0, b: 0, iou: expect.closeTo(2 / 3, 12) }]);
    // IDF1: frames 0 and 1 have IoU ≥ 0.5 → IDTP 2; boxes 4 + 8 → 2·2/12.
    expect(r.idtp).toBe(2);
    expect(r.idf1).toBeCloseTo(4 / 12, 12);
  });

  it('counts a track that ends early as absent after its outside keyframe', () => {
    const a = [track('1', 'car', [box(0, 0), { frame: 2, outside: true }])];
    const b = [track('2', 'car', [box(0, 0), box(3, 0)])];
    // A has frames 0-1, B frames 0-3: IoU 1 on 2 frames of a union of 4.
    const r = compareTracks(a, b, lastKeyframe([a, b]));
    expect(r.matches[0]?.iou).toBe(0.5);
    expect(r.idf1).toBeCloseTo((2 * 2) / (2 + 4), 12);
  });

  it('is 1 for two empty answers and 0 with no shared label', () => {
    expect(compareTracks([], [], null).idf1).toBe(1);
    const r = compareTracks([track('1', 'car', [box(0, 0)])], [track('1', 'bus', [box(0, 0)])], 0);
    expect(r.matches).toEqual([]);
    expect(r.idf1).toBe(0);
  });

  it('holds identities: a swap halfway costs half the boxes', () => {
    // Two cars side by side for frames 0-3; B swaps its ids at frame 2 (keyframes at 0, 1, 2, 3).
    const a = [
      track('1', 'car', [box(0, 0), box(1, 0), box(2, 0), box(3, 0)]),
      track('2', 'car', [box(0, 100), box(1, 100), box(2, 100), box(3, 100)]),
    ];
    const b = [
      track('p', 'car', [box(0, 0), box(1, 0), box(2, 100), box(3, 100)]),
      track('q', 'car', [box(0, 100), box(1, 100), box(2, 0), box(3, 0)]),
    ];
    // Interpolation between frames 1 and 2 is not reached (keyframes on every frame). Any
    // one-to-one matching keeps 2 frames per pair: IDTP 4 of 8 + 8 boxes.
    expect(compareTracks(a, b, 3).idf1).toBe(0.5);
  });
});
