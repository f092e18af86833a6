import { describe, expect, it } from 'vitest';
import { mediaInterface, mediaItem } from './media-testing.ts';
import { linesOf } from './testing.ts';
import { frameRuns, videoSegmentsTransformer } from './video-segments.ts';

describe('frame runs', () => {
  const labels = [
    { frame: 30, label: 'night' },
    { frame: 0, label: 'day' },
    { frame: 10, label: 'day' },
  ];

  it('keyframes: a label holds to the frame before the next, the last to the last frame', () => {
    expect(frameRuns(labels, 'keyframes', 59)).toEqual([
      { start_frame: 0, end_frame: 29, label: 'day' },
      { start_frame: 30, end_frame: 59, label: 'night' },
    ]);
    expect(frameRuns(labels, 'keyframes', null).at(-1)).toEqual({
      start_frame: 30,
      end_frame: 30,
      label: 'night',
    });
  });

  it('frames: each frame alone, neighbours of one label joined', () => {
    const frames = [
      { frame: 3, label: 'day' },
      { frame: 4, label: 'day' },
      { frame: 6, label: 'day' },
    ];
    expect(frameRuns(frames, 'frames', 59)).toEqual([
      { start_frame: 3, end_frame: 4, label: 'day' },
      { start_frame: 6, end_frame: 6, label: 'day' },
    ]);
  });
});

describe('video-segments', () => {
  it('writes video segments and frame runs with seconds and frames; audio segments are left out', () => {
    const t = videoSegmentsTransformer(mediaInterface, { pairs: 'all', threshold: 0.5 });
    const lines = linesOf(
      t,
      mediaItem([
        {
          talk: [{ start: 0, end: 1, label: 'music' }],
          scenes: [{ start: 0.5, end: 1.5, label: 'outro' }],
          shots: [
            { frame: 0, label: 'day' },
            { frame: 30, label: 'night' },
          ],
        },
      ]),
    );
    const base = {
      item_id: 5,
      external_id: 'ep 1',
      annotator: 'ada@example.org',
      media_url: '/api/items/5/media/film',
    };
    expect(lines).toEqual([
      // 0.5 s × 29.97 = 14.99 → frame 14; 1.5 s → 44.96, so 44 is the last begun.
      {
        ...base,
        question: 'scenes',
        kind: 'segment',
        start: 0.5,
        end: 1.5,
        start_frame: 14,
        end_frame: 44,
        label: 'outro',
        text: null,
        speaker: null,
      },
      // frame 30 starts at 30 × 1001 / 30000 = 1.001 s; the last (59) ends at 60 × 1001 / 30000 = 2.002 s.
      {
        ...base,
        question: 'shots',
        kind: 'frames',
        start: 0,
        end: 1.001,
        start_frame: 0,
        end_frame: 29,
        label: 'day',
        text: null,
        speaker: null,
      },
      {
        ...base,
        question: 'shots',
        kind: 'frames',
        start: 1.001,
        end: 2.002,
        start_frame: 30,
        end_frame: 59,
        label: 'night',
        text: null,
        speaker: null,
      },
    ]);
  });
});
