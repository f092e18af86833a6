import { describe, expect, it } from 'vitest';
import { mediaInterface, mediaItem } from './media-testing.ts';
import { segmentFrames, segmentsTransformer } from './segments.ts';
import { linesOf } from './testing.ts';

const NTSC = { num: 30000, den: 1001 };

describe('segment frames at 29.97 fps (30000/1001)', () => {
  it('takes the frame shown at the start and the last frame starting before the end', () => {
    // 10 s × 30000/1001 = 299.7 → frame 299; 20 s → 599.4, so frame 599 (19.987 s) is the last begun.
    expect(segmentFrames(10, 20, NTSC)).toEqual({ start_frame: 299, end_frame: 599 });
  });

  it('puts a time on a frame boundary in the frame that starts there; an end there is exclusive', () => {
    // frame 300 starts at 300 × 1001 / 30000 = 10.01 s, frame 600 at 20.02 s.
    expect(segmentFrames(10.01, 20.02, NTSC)).toEqual({ start_frame: 300, end_frame: 599 });
  });

  it('does not drift over an hour, as seconds × 29.97 does', () => {
    // 3600 s holds 107892.1 frames; frame 107892 starts at 3599.9964 s.
    expect(segmentFrames(3599.9964, 3600, NTSC)).toEqual({ start_frame: 107892, end_frame: 107892 });
  });

  it('is null without a rate', () => {
    expect(segmentFrames(1, 2, null)).toEqual({ start_frame: null, end_frame: null });
  });
});

describe('segments', () => {
  const t = segmentsTransformer(mediaInterface, {
    pairs: 'all',
    threshold: 0.5,
    origin: 'https://v.example.org',
  });

  it('writes a line per segment in time order, nulls for what is absent, frames over video only', () => {
    const lines = linesOf(
      t,
      mediaItem([
        {
          talk: [
            { start: 2.5, end: 4, label: 'speech', text: 'Hello there', speaker: 'ada' },
            { start: 0.1, end: 0.3, label: 'music' },
          ],
          scenes: [{ start: 0, end: 1.001, label: 'intro' }],
        },
      ]),
    );
    expect(lines).toEqual([
      {
        item_id: 5,
        external_id: 'ep 1',
        annotator: 'ada@example.org',
        question: 'talk',
        media_url: 'https://v.example.org/api/items/5/media/clip',
        start: 0.1,
        end: 0.3,
        duration: 0.2,
        label: 'music',
        text: null,
        speaker: null,
      },
      expect.objectContaining({ start: 2.5, end: 4, duration: 1.5, text: 'Hello there', speaker: 'ada' }),
      expect.objectContaining({
        question: 'scenes',
        media_url: 'https://v.example.org/api/items/5/media/film',
        start: 0,
        end: 1.001,
        start_frame: 0,
        end_frame: 29,
      }),
    ]);
    expect(lines[0]).not.toHaveProperty('start_frame');
  });

  it('leaves drafts out, and writes paths without an origin', () => {
    const draft = mediaItem([{ talk: [{ start: 0, end: 1, label: 'music' }] }], {}, { status: 'draft' });
    expect(linesOf(t, draft)).toEqual([]);
    const bare = segmentsTransformer(mediaInterface, { pairs: 'all', threshold: 0.5 });
    expect(linesOf(bare, mediaItem([{ talk: [{ start: 0, end: 1, label: 'music' }] }]))[0]!.media_url).toBe(
      '/api/items/5/media/clip',
    );
  });
});
