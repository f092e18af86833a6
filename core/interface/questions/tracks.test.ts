import { describe, expect, it } from 'vitest';
import { parseInterface } from '../migrate.ts';
import { checkWith, mediaInterfaceWith } from '../testing.ts';
import { TRACK_LIMITS } from './tracks.ts';

const question = { name: 'objects', type: 'tracks', field: 'clip', labels: ['square', 'person'] };
const iface = mediaInterfaceWith(question);
const answer = (value: unknown, opts: Parameters<typeof checkWith>[2] = {}, on = iface) =>
  checkWith(on, { objects: value }, opts);
const box = (frame: number, x = 10, y = 10, width = 20, height = 20) => ({ frame, x, y, width, height });
const track = (keyframes: unknown[], id = 't1', label = 'square') => ({ id, label, keyframes });
/** Two seconds of 25 fps video, 64×48 pixels: frames 0-49. */
const clip = { clip: { durationSeconds: 2, frameRate: '25/1', width: 64, height: 48 } };

describe('tracks question settings', () => {
  it('takes a video field only, with at most 200 tracks by default and 1000 at most', () => {
    const parsed = (q: Record<string, unknown>, type = 'video') =>
      parseInterface({ fields: [{ name: 'clip', type }], questions: [{ ...question, ...q }] });
    const ok = parsed({});
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.value.questions[0]).toMatchObject({ maxTracks: 200 });
    const bad = parsed({ maxTracks: TRACK_LIMITS.maxTracks + 1 });
    expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['questions[0].maxTracks']);
    const audio = parsed({}, 'audio');
    expect(audio.ok ? [] : audio.errors.map((e) => e.path)).toEqual(['questions[0].field']);
  });
});

describe('tracks answers', () => {
  it('sorts keyframes by frame and keeps coordinates to the hundredth of a pixel', () => {
    const given = [track([box(10, 1.234, 2.345, 3.456, 4.567), { frame: 20, outside: true }, box(0)])];
    expect(answer(given)).toEqual({
      value: {
        objects: [track([box(0), box(10, 1.23, 2.35, 3.46, 4.57), { frame: 20, outside: true }])],
      },
    });
  });

  it('keeps coordinates within 100,000 pixels either way, width and height positive', () => {
    expect(answer([track([box(0, -1e5, 1e5, 1e5, 1)])]).value).toBeDefined();
    expect(answer([track([box(0, -1e5 - 1, 10, 20, 20)])]).messages).toEqual([
      'objects[0].keyframes[0].x: expected pixels, got -100001',
    ]);
    expect(answer([track([box(0, 10, 10, 0, 20)])]).messages).toEqual([
      'objects[0].keyframes[0].width: expected a positive number of pixels, got 0',
    ]);
  });

  it('accepts a track that ends and resumes', () => {
    const given = [track([box(0), { frame: 5, outside: true }, box(9, 30), { frame: 12, outside: true }])];
    expect(answer(given).value).toEqual({ objects: given });
  });

  it('names the path of every bad track property', () => {
    const given = [
      { id: 'a b', label: 'cat', keyframes: [box(0)], colour: 'red' },
      track([], 't2'),
      track('x' as unknown as unknown[], 't3'),
      'not a track',
    ];
    expect(answer(given).messages).toEqual([
      'objects[0].colour: unknown property; a track has id, label and keyframes',
      'objects[0].id: expected a track id (1-64 letters, digits, _, . or -), got "a b"',
      'objects[0].label: "cat" is not one of the labels square, person',
      'objects[1].keyframes: a track needs at least one keyframe',
      'objects[2].keyframes: expected an array of keyframes, got "x"',
      'objects[3]: expected a track {id, label, keyframes}, got "not a track"',
    ]);
  });

  it('names the path of every bad keyframe', () => {
    const given = [
      track([
        box(-1),
        { ...box(1), x: 'left' },
        box(2, 0, 0, 0, 5),
        { ...box(3), z: 1 },
        { frame: 4, outside: false },
        { frame: 5, outside: true, x: 1 },
        7,
      ]),
    ];
    expect(answer(given).messages).toEqual([
      'objects[0].keyframes[0].frame: expected a frame number (a whole number from 0), got -1',
      'objects[0].keyframes[1].x: expected pixels, got "left"',
      'objects[0].keyframes[2].width: expected a positive number of pixels, got 0',
      'objects[0].keyframes[3].z: unknown property; a keyframe has frame, x, y, width, height (or outside)',
      'objects[0].keyframes[4].outside: expected true, got false',
      'objects[0].keyframes[5].x: an outside keyframe has only frame and outside',
      'objects[0].keyframes[6]: expected a keyframe {frame, x, y, width, height} or {frame, outside: true}, got 7',
    ]);
  });

  it('refuses two keyframes at one frame, a track starting outside and outside twice in a row', () => {
    expect(answer([track([box(0), box(0, 5)])]).messages).toEqual([
      'objects[0].keyframes[1].frame: frame 0 has two keyframes (also keyframes[0])',
    ]);
    expect(answer([track([{ frame: 0, outside: true }, box(3)])]).messages).toEqual([
      'objects[0].keyframes[0]: a track must start with a box, not outside',
    ]);
    expect(
      answer([track([box(0), { frame: 4, outside: true }, { frame: 2, outside: true }])]).messages,
    ).toEqual([
      'objects[0].keyframes[1]: an outside keyframe must follow a box (the track is already outside)',
    ]);
  });

  it('refuses a track id used twice, at the later track', () => {
    expect(
      answer([track([box(0)]), track([box(0)], 't2'), track([box(1)], 't1', 'person')]).messages,
    ).toEqual(['objects[2].id: track id "t1" is used twice (also objects[0])']);
  });

  it('bounds keyframes by the frame count and boxes by the picture when the facts are known', () => {
    const inside = [track([box(0, -10, -10, 20, 20), box(49, 63, 47, 20, 20)])];
    expect(answer(inside, { media: clip }).value).toBeDefined();
    expect(answer([track([box(0), box(50)])], { media: clip }).messages).toEqual([
      'objects[0].keyframes[1].frame: frame 50 is past the last frame (49)',
    ]);
    expect(answer([track([box(0, 64, 0), box(1, 0, -20)])], { media: clip }).messages).toEqual([
      'objects[0].keyframes[0]: the box (64, 0, 20×20) lies outside the 64×48 picture',
      'objects[0].keyframes[1]: the box (0, -20, 20×20) lies outside the 64×48 picture',
    ]);
    // Not probed yet: nothing to bound them by.
    expect(answer([track([box(0, 64, 0), box(50)])]).value).toBeDefined();
  });

  it('checks drafts as it checks submissions (a track is whole or absent)', () => {
    expect(answer([{ id: 't1', keyframes: [box(0)] }], { partial: true }).messages).toEqual([
      'objects[0].label: nothing is not one of the labels square, person',
    ]);
  });

  it('counts an empty list as unanswered for a required question', () => {
    const required = mediaInterfaceWith({ ...question, required: true });
    expect(answer([], {}, required).messages).toEqual(['objects: an answer is required']);
  });

  it('refuses a non-array, more tracks than maxTracks and more keyframes than the limit', () => {
    expect(answer({}).messages).toEqual(['objects: expected an array of tracks, got an object']);
    const few = mediaInterfaceWith({ ...question, maxTracks: 2 });
    const three = ['a', 'b', 'c'].map((id) => track([box(0)], id));
    expect(answer(three, {}, few).messages).toEqual(['objects: 3 tracks; at most 2 are allowed']);
    const many = Array.from({ length: TRACK_LIMITS.maxKeyframes + 1 }, (_, f) => box(f));
    expect(answer([track(many)]).messages).toEqual([
      `objects[0].keyframes: ${TRACK_LIMITS.maxKeyframes + 1} keyframes; at most ${TRACK_LIMITS.maxKeyframes} are allowed`,
    ]);
  });
});
