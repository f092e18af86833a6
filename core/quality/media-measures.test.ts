import { describe, expect, it } from 'vitest';
import { AgreementBuilder } from './agreement.ts';
import { lastFrameOf } from './last-frame.ts';
import { questionRows } from './report-rows.ts';

const box = (frame: number, x: number) => ({ frame, x, y: 0, width: 10, height: 10 });

describe('agreement of segments, frames and tracks questions', () => {
  const iface = {
    questions: [
      {
        name: 'seg',
        type: 'segments',
        field: 'audio',
        labels: ['a', 'b'],
        text: 'optional',
        allowOverlap: false,
      },
      { name: 'over', type: 'segments', field: 'audio', labels: ['a'], allowOverlap: true, text: 'none' },
      { name: 'fr', type: 'frames', field: 'clip', labels: ['walk', 'run'], mode: 'keyframes' },
      { name: 'tr', type: 'tracks', field: 'clip', labels: ['car'], maxTracks: 10 },
    ],
  } as never;

  it('reports segment F1, uα, WER, frames agreeing and track figures by hand-worked values', () => {
    const b = new AgreementBuilder(iface);
    const score = b.addItem(1, [
      {
        annotator: 'x',
        answers: {
          seg: [
            { start: 0, end: 4, label: 'a', text: 'hello world' },
            { start: 6, end: 8, label: 'b' },
          ],
          over: [{ start: 0, end: 1, label: 'a' }],
          fr: [
            { frame: 0, label: 'walk' },
            { frame: 2, label: 'run' },
          ],
          tr: [{ id: '1', label: 'car', keyframes: [box(0, 0), box(3, 0)] }],
        },
      },
      {
        annotator: 'y',
        answers: {
          seg: [
            { start: 1, end: 4, label: 'a', text: 'hello duck' },
            { start: 6, end: 8, label: 'a' },
          ],
          over: [{ start: 0, end: 1, label: 'a' }],
          fr: [
            { frame: 0, label: 'walk' },
            { frame: 3, label: 'run' },
          ],
          tr: [{ id: '9', label: 'car', keyframes: [box(0, 0), box(1, 0), box(2, 5), box(3, 5)] }],
        },
      },
    ]);
    const r = b.result().questions;
    // seg: a 0-4 ~ a 1-4 (IoU 0.75) matched; b 6-8 and a 6-8 differ in label. F1 = 2/4.
    expect(r.seg?.segmentF1).toEqual({
      iouThreshold: 0.5,
      f1: 0.5,
      meanIoU: 0.75,
      segments: 4,
      labels: { a: { f1: 2 / 3, meanIoU: 0.75, segments: 3 }, b: { f1: 0, meanIoU: null, segments: 1 } },
    });
    // WER: one substitution in two words, both directions: 2/4.
    expect(r.seg?.transcriptWer).toEqual({ wer: 0.5, words: 4, pairs: 1 });
    expect(r.seg?.unitizedAlpha?.items).toBe(1);
    expect(r.over?.unitizedAlpha?.notComputed).toMatch(/overlap/);
    // Frames 0-3 (last frame labelled 3): walk/walk, walk/walk, run/walk, run/run: 3 of 4 agree.
    expect(r.fr?.frameAgreement).toEqual({ share: 0.75, pairs: 4 });
    expect(r.fr?.units).toBe(4);
    // Tracks: IoU 1, 1, 1/3, 1/3 over 4 frames; IDF1 2·2/8.
    expect(r.tr?.trackAgreement).toMatchObject({ matched: 1, tracks: 2, idf1: 0.5, boxes: 8 });
    expect(r.tr?.trackAgreement?.meanIoU).toBeCloseTo(2 / 3, 12);
    // Item score: mean of seg 0.5, over 0, frames 0.25, tracks 0.5.
    expect(score).toBeCloseTo((0.5 + 0 + 0.25 + 0.5) / 4, 12);
    const rows = Object.fromEntries(questionRows(r.seg as never));
    expect(rows['segment F1 (IoU ≥ 0.5)']).toBe('0.500');
    expect(rows['transcript WER']).toBe('0.500');
    expect(Object.fromEntries(questionRows(r.over as never))['alpha unitized (uα)']).toMatch(/^not computed/);
    expect(Object.fromEntries(questionRows(r.tr as never))['track IDF1 (IoU ≥ 0.5)']).toBe('0.500');
  });

  it("reads the video's last frame and the recording's length from the media facts when known", () => {
    const b = new AgreementBuilder(iface);
    const x = { fr: [{ frame: 0, label: 'walk' }], seg: [{ start: 0, end: 1, label: 'a' }] };
    const y = { fr: [{ frame: 1, label: 'walk' }], seg: [{ start: 0, end: 1, label: 'a' }] };
    // 1 s at 5 frames a second: frames 0-4; x holds walk on 0-4, y on 1-4: 4 frames both label.
    const media = {
      audio: { durationSeconds: 10, frameRate: null },
      clip: { durationSeconds: 1, frameRate: '5/1' },
    };
    b.addItem(
      1,
      [
        { annotator: 'x', answers: x },
        { annotator: 'y', answers: y },
      ],
      undefined,
      media,
    );
    const r = b.result().questions;
    expect(r.fr?.frameAgreement).toEqual({ share: 1, pairs: 4 });
    expect(r.seg?.unitizedAlpha?.alpha).toBe(1);
    expect(lastFrameOf({ durationSeconds: 2, frameRate: '30000/1001' })).toBe(59);
    expect(lastFrameOf({ durationSeconds: null, frameRate: '25/1' })).toBeNull();
  });
});
