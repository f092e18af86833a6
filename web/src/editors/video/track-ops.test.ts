import { describe, expect, it } from 'vitest';
import { validateAnswers } from '../../../../core/interface/answers.ts';
import { InterfaceDefinition } from '../../../../core/interface/index.ts';
import { boxAt } from '../../../../core/interface/questions/track-boxes.ts';
import {
  boxesAt,
  nextKeyframe,
  nextTrackId,
  normalize,
  presence,
  presentFrames,
  removeKeyframe,
  setBox,
  type TrackAnswer,
  toggleOutside,
} from './track-ops.ts';

const box = (x: number) => ({ x, y: 100, width: 40, height: 40 });
const track: TrackAnswer = { id: 't1', label: 'square', keyframes: [{ frame: 0, ...box(20) }] };
const iface = InterfaceDefinition.parse({
  fields: [{ name: 'clip', type: 'video' }],
  questions: [{ name: 'objects', type: 'tracks', field: 'clip', labels: ['square'] }],
});
const media = { clip: { durationSeconds: 2, frameRate: '25/1', width: 320, height: 240 } };
/** The track as the question's validation leaves it, or its problems. */
function valid(t: TrackAnswer) {
  const checked = validateAnswers(iface, { objects: [t] }, { clip: 'media:1' }, { partial: false, media });
  return checked.ok ? (checked.value.objects as TrackAnswer[])[0] : checked.errors;
}

describe('track operations', () => {
  it('names new tracks t1, t2… after the highest', () => {
    expect(nextTrackId([])).toBe('t1');
    expect(nextTrackId([track, { ...track, id: 't7' }, { ...track, id: 'car' }])).toBe('t8');
  });

  it('a keyframe set at frame 40 makes frame 20 the interpolated middle', () => {
    const t = setBox(track, 40, box(260));
    expect(t.keyframes.map((k) => k.frame)).toEqual([0, 40]);
    expect(boxAt(t.keyframes, 20)).toMatchObject({ x: 140, keyframe: false });
    expect(boxesAt([t], 40, 49)).toEqual([{ id: 't1', label: 'square', box: box(260), keyframe: true }]);
    expect(valid(t)).toEqual(t);
  });

  it('editing at a keyframe replaces it; removing it brings the interpolation back', () => {
    const t = setBox(setBox(setBox(track, 40, box(260)), 20, box(100)), 20, box(150));
    expect(t.keyframes).toHaveLength(3);
    expect(boxAt(t.keyframes, 20)).toMatchObject({ x: 150, keyframe: true });
    const back = removeKeyframe(t, 20)!;
    expect(boxAt(back.keyframes, 20)).toMatchObject({ x: 140, keyframe: false });
    expect(removeKeyframe(track, 0)).toBeNull();
  });

  it('O ends a track at a frame and resumes it later with its last box', () => {
    const two = setBox(track, 40, box(260));
    const ended = toggleOutside(two, 30);
    expect(boxAt(ended.keyframes, 30)).toBeNull();
    expect(boxAt(ended.keyframes, 35)).toBeNull();
    // The keyframe at 40 now resumes the track.
    expect(boxAt(ended.keyframes, 45)).toMatchObject({ x: 260 });
    expect(valid(ended)).toEqual(ended);
    const resumed = toggleOutside(toggleOutside(track, 10), 15);
    expect(resumed.keyframes).toEqual([
      { frame: 0, ...box(20) },
      { frame: 10, outside: true },
      { frame: 15, ...box(20) },
    ]);
    expect(valid(resumed)).toEqual(resumed);
    // O on an outside keyframe takes it away; on the first keyframe it does nothing.
    expect(toggleOutside(toggleOutside(track, 10), 10)).toEqual(track);
    expect(toggleOutside(track, 0)).toBe(track);
  });

  it('normalises keyframes after a removal: no leading or doubled outside', () => {
    expect(
      normalize([
        { frame: 5, outside: true },
        { frame: 9, ...box(1) },
        { frame: 12, outside: true },
        { frame: 14, outside: true },
      ]),
    ).toEqual([
      { frame: 9, ...box(1) },
      { frame: 12, outside: true },
    ]);
    const t = {
      ...track,
      keyframes: [
        { frame: 0, ...box(1) },
        { frame: 3, outside: true as const },
        { frame: 6, ...box(2) },
      ],
    };
    expect(removeKeyframe(t, 0)?.keyframes).toEqual([{ frame: 6, ...box(2) }]);
  });

  it('jumps to the next keyframe, wrapping round', () => {
    const t = setBox(track, 40, box(260));
    expect(nextKeyframe(t, 0)).toBe(40);
    expect(nextKeyframe(t, 40)).toBe(0);
  });

  it('counts the frames present: a box holds to the end, outside pauses', () => {
    const t = toggleOutside(toggleOutside(setBox(track, 40, box(260)), 10), 20);
    expect(presence(t, 50)).toEqual([
      { from: 0, to: 10 },
      { from: 20, to: 50 },
    ]);
    expect(presentFrames(presence(t, 50))).toBe(40);
    expect(presence(track, null)).toEqual([{ from: 0, to: 1 }]);
  });
});
