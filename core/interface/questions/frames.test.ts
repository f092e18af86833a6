import { describe, expect, it } from 'vitest';
import { parseInterface } from '../migrate.ts';
import { checkWith, mediaInterfaceWith } from '../testing.ts';
import { FRAME_LIMITS } from './frames.ts';

const question = { name: 'scene', type: 'frames', field: 'clip', labels: ['indoor', 'outdoor'] };
const iface = mediaInterfaceWith(question);
const answer = (value: unknown, opts: Parameters<typeof checkWith>[2] = {}, on = iface) =>
  checkWith(on, { scene: value }, opts);
/** Two seconds of 25 fps video: frames 0-49. */
const clip = (frameRate: string | null = '25/1', durationSeconds: number | null = 2) => ({
  clip: { durationSeconds, frameRate, width: 64, height: 48 },
});

describe('frames question settings', () => {
  it('takes a video field only, and keyframes mode by default', () => {
    const parsed = (type: string) =>
      parseInterface({ fields: [{ name: 'clip', type }], questions: [question] });
    const ok = parsed('video');
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    expect(ok.value.questions[0]).toMatchObject({ mode: 'keyframes' });
    for (const type of ['audio', 'image', 'text']) {
      const bad = parsed(type);
      expect(bad.ok ? [] : bad.errors.map((e) => e.path)).toEqual(['questions[0].field']);
    }
  });
});

describe('frames answers', () => {
  it('sorts labelled frames by frame number', () => {
    const given = [
      { frame: 30, label: 'outdoor' },
      { frame: 0, label: 'indoor' },
    ];
    expect(answer(given)).toEqual({
      value: {
        scene: [
          { frame: 0, label: 'indoor' },
          { frame: 30, label: 'outdoor' },
        ],
      },
    });
  });

  it('names the path of every bad frame, label and property', () => {
    const given = [
      { frame: -1, label: 'indoor' },
      { frame: 1.5, label: 'indoor' },
      { frame: 2, label: 'cave' },
      { frame: 3, label: 'indoor', note: 'x' },
      7,
      { frame: '4', label: 'indoor' },
    ];
    expect(answer(given).messages).toEqual([
      'scene[0].frame: expected a frame number (a whole number from 0), got -1',
      'scene[1].frame: expected a frame number (a whole number from 0), got 1.5',
      'scene[2].label: "cave" is not one of the labels indoor, outdoor',
      'scene[3].note: unknown property; a labelled frame has frame and label',
      'scene[4]: expected {frame, label}, got 7',
      'scene[5].frame: expected a frame number (a whole number from 0), got "4"',
    ]);
  });

  it('takes frame numbers up to 100,000,000', () => {
    expect(answer([{ frame: 1e8, label: 'indoor' }]).value).toBeDefined();
    expect(answer([{ frame: 1e8 + 1, label: 'indoor' }]).messages).toEqual([
      'scene[0].frame: expected a frame number (a whole number from 0), got 100000001',
    ]);
  });

  it('refuses a frame labelled twice, at the later one', () => {
    expect(
      answer([
        { frame: 5, label: 'indoor' },
        { frame: 5, label: 'outdoor' },
      ]).messages,
    ).toEqual(['scene[1].frame: frame 5 is labelled twice (also scene[0])']);
  });

  it('bounds frames by the probed frame count when rate and duration are known', () => {
    const last = [{ frame: 49, label: 'indoor' }];
    const past = [{ frame: 50, label: 'indoor' }];
    expect(answer(last, { media: clip() }).value).toBeDefined();
    expect(answer(past, { media: clip() }).messages).toEqual([
      'scene[0].frame: frame 50 is past the last frame (49)',
    ]);
    // Without a rate or a duration (not probed yet, or a probe that found none) nothing bounds it.
    expect(answer(past).value).toBeDefined();
    expect(answer(past, { media: clip(null) }).value).toBeDefined();
    expect(answer(past, { media: clip('25/1', null) }).value).toBeDefined();
    // 300 frames at 29.97 last 10.01 s: frame 299 is the last.
    expect(
      answer([{ frame: 299, label: 'indoor' }], { media: clip('30000/1001', 10.01) }).value,
    ).toBeDefined();
    expect(answer([{ frame: 300, label: 'indoor' }], { media: clip('30000/1001', 10.01) }).messages).toEqual([
      'scene[0].frame: frame 300 is past the last frame (299)',
    ]);
  });

  it('checks drafts the same way: a draft frame has its label too', () => {
    expect(answer([{ frame: 1 }], { partial: true }).messages).toEqual([
      'scene[0].label: nothing is not one of the labels indoor, outdoor',
    ]);
  });

  it('counts an empty list as unanswered for a required question', () => {
    const required = mediaInterfaceWith({ ...question, required: true });
    expect(answer([], {}, required).messages).toEqual(['scene: an answer is required']);
    expect(answer([], { partial: true }, required).value).toEqual({ scene: [] });
  });

  it('refuses a non-array and more than the limit of frames', () => {
    expect(answer('indoor').messages).toEqual(['scene: expected an array of {frame, label}, got "indoor"']);
    const many = Array.from({ length: FRAME_LIMITS.maxFrames + 1 }, (_, frame) => ({
      frame,
      label: 'indoor',
    }));
    expect(answer(many).messages).toEqual([
      `scene: ${FRAME_LIMITS.maxFrames + 1} frames; at most ${FRAME_LIMITS.maxFrames} are allowed`,
    ]);
  });
});
