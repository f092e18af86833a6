import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxAt, trackBoxes } from './track-boxes.ts';
import type { Keyframe, TrackAnswer } from './tracks-check.ts';

const box = (frame: number, x: number, y: number, width: number, height: number): Keyframe => ({
  frame,
  x,
  y,
  width,
  height,
});
const outside = (frame: number): Keyframe => ({ frame, outside: true });
const track = (keyframes: Keyframe[]): TrackAnswer => ({ id: 't', label: 'square', keyframes });

/** Valid keyframes as validation leaves them: sorted, distinct frames, starting with a box, never outside twice in a row. */
const arbKeyframes = fc
  .array(
    fc.record({
      gap: fc.integer({ min: 1, max: 40 }),
      outside: fc.boolean(),
      x: fc.integer({ min: -500, max: 2000 }),
      y: fc.integer({ min: -500, max: 2000 }),
      width: fc.integer({ min: 1, max: 800 }),
      height: fc.integer({ min: 1, max: 800 }),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .chain((steps) =>
    fc.integer({ min: 0, max: 100 }).map((first) => {
      const out: Keyframe[] = [];
      let frame = first;
      for (const s of steps) {
        const prev = out[out.length - 1];
        if (s.outside && prev && prev.outside !== true) out.push(outside(frame));
        else out.push(box(frame, s.x, s.y, s.width, s.height));
        frame += s.gap;
      }
      return out;
    }),
  );

describe('boxAt', () => {
  const moving = [box(0, 0, 0, 10, 10), box(10, 100, 50, 20, 30)];

  it('moves the box linearly between two keyframes: the midpoint is half way', () => {
    expect(boxAt(moving, 5)).toEqual({ frame: 5, x: 50, y: 25, width: 15, height: 20, keyframe: false });
    expect(boxAt(moving, 1)).toEqual({ frame: 1, x: 10, y: 5, width: 11, height: 12, keyframe: false });
  });

  it('gives the box of the docs/media.md example at frame 5, absent from 25 to 39', () => {
    const car = [box(0, 10, 20, 40, 30), box(10, 110, 20, 40, 30), outside(25), box(40, 300, 60, 36, 28)];
    expect(boxAt(car, 5)).toEqual({ frame: 5, x: 60, y: 20, width: 40, height: 30, keyframe: false });
    expect(boxAt(car, 25)).toBeNull();
    expect(boxAt(car, 39)).toBeNull();
    expect(boxAt(car, 40)).toMatchObject({ x: 300, y: 60, keyframe: true });
  });

  it('rounds an interpolated box to the hundredth of a pixel', () => {
    const thirds = [box(0, 0, 0, 10, 10), box(3, 1, 2, 11, 12)];
    expect(boxAt(thirds, 1)).toEqual({
      frame: 1,
      x: 0.33,
      y: 0.67,
      width: 10.33,
      height: 10.67,
      keyframe: false,
    });
  });

  it('is absent before the first keyframe and holds after the last until the video ends', () => {
    const late = [box(5, 1, 2, 3, 4)];
    expect(boxAt(late, 4)).toBeNull();
    expect(boxAt(late, 5)).toEqual({ frame: 5, x: 1, y: 2, width: 3, height: 4, keyframe: true });
    expect(boxAt(late, 1000)).toEqual({ frame: 1000, x: 1, y: 2, width: 3, height: 4, keyframe: false });
    expect(boxAt(late, 99, 99)).not.toBeNull();
    expect(boxAt(late, 100, 99)).toBeNull();
  });

  it('pauses from an outside keyframe and resumes at the next box, without interpolating across', () => {
    const paused = [box(0, 0, 0, 10, 10), outside(4), box(8, 80, 80, 10, 10)];
    expect(boxAt(paused, 3)).toEqual({ frame: 3, x: 0, y: 0, width: 10, height: 10, keyframe: false });
    for (const f of [4, 5, 7]) expect(boxAt(paused, f)).toBeNull();
    expect(boxAt(paused, 8)).toEqual({ frame: 8, x: 80, y: 80, width: 10, height: 10, keyframe: true });
    expect(boxAt(paused, 9)?.x).toBe(80);
  });

  it('equals the keyframe at every box keyframe and is absent at every outside one (property)', () => {
    fc.assert(
      fc.property(arbKeyframes, (kfs) => {
        for (const k of kfs) {
          const at = boxAt(kfs, k.frame);
          if (k.outside === true) expect(at).toBeNull();
          else expect(at).toEqual({ ...k, keyframe: true });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('stays between its two keyframes on every coordinate (property)', () => {
    fc.assert(
      fc.property(arbKeyframes, (kfs) => {
        for (let i = 0; i + 1 < kfs.length; i++) {
          const a = kfs[i] as Keyframe;
          const b = kfs[i + 1] as Keyframe;
          if (a.outside === true || b.outside === true) continue;
          for (let f = a.frame; f <= b.frame; f++) {
            const at = boxAt(kfs, f);
            if (!at) throw new Error(`no box at ${f}`);
            for (const key of ['x', 'y', 'width', 'height'] as const) {
              expect(at[key]).toBeGreaterThanOrEqual(Math.min(a[key], b[key]) - 0.005);
              expect(at[key]).toBeLessThanOrEqual(Math.max(a[key], b[key]) + 0.005);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('trackBoxes', () => {
  it('lists the frames of a track that pauses and resumes, holding to the last frame', () => {
    const frames = [...trackBoxes(track([box(2, 0, 0, 4, 4), outside(4), box(6, 8, 8, 4, 4)]), 8)];
    expect(frames.map((b) => b.frame)).toEqual([2, 3, 6, 7, 8]);
    expect(frames.map((b) => b.keyframe)).toEqual([true, false, true, false, false]);
  });

  it('ends at the last keyframe when the video length is unknown', () => {
    const frames = [...trackBoxes(track([box(0, 0, 0, 10, 10), box(2, 20, 0, 10, 10)]), null)];
    expect(frames.map((b) => [b.frame, b.x])).toEqual([
      [0, 0],
      [1, 10],
      [2, 20],
    ]);
  });

  it('yields nothing past the video end and nothing for a track that starts after it', () => {
    expect([...trackBoxes(track([box(10, 0, 0, 1, 1)]), 5)]).toEqual([]);
    expect([...trackBoxes(track([box(0, 0, 0, 1, 1), box(10, 10, 0, 1, 1)]), 3)].map((b) => b.frame)).toEqual(
      [0, 1, 2, 3],
    );
  });

  it('yields exactly the frames where boxAt has a box, each with that box (property)', () => {
    fc.assert(
      fc.property(arbKeyframes, fc.option(fc.integer({ min: 0, max: 600 })), (kfs, lastFrame) => {
        const yielded = [...trackBoxes(track(kfs), lastFrame)];
        const end = lastFrame ?? (kfs[kfs.length - 1] as Keyframe).frame;
        const expected = [];
        for (let f = 0; f <= end; f++) {
          const at = boxAt(kfs, f, lastFrame);
          if (at) expected.push(at);
        }
        expect(yielded).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
