import { describe, expect, it } from 'vitest';
import { mediaInterface, mediaItem } from './media-testing.ts';
import { nemoTransformer } from './nemo.ts';
import { linesOf } from './testing.ts';

const talk = [
  { start: 4, end: 5.5, text: 'and  then\nbye', speaker: 'bob' },
  { start: 0.5, end: 2, text: 'hello there' },
  { start: 2, end: 3, label: 'music' },
];
const origin = 'https://v.example.org';
const url = `${origin}/api/items/5/media/clip`;

describe('nemo', () => {
  it('writes a line per segment with text: its offset and duration into the file', () => {
    const t = nemoTransformer(mediaInterface, { pairs: 'all', threshold: 0.5, origin });
    expect(linesOf(t, mediaItem([{ talk }]))).toEqual([
      { audio_filepath: url, offset: 0.5, duration: 1.5, text: 'hello there' },
      { audio_filepath: url, offset: 4, duration: 1.5, text: 'and then bye' },
    ]);
  });

  it('per file, joins the texts in time order, with the probed duration', () => {
    const t = nemoTransformer(mediaInterface, { pairs: 'all', threshold: 0.5, origin, nemoPer: 'file' });
    expect(linesOf(t, mediaItem([{ talk }]))).toEqual([
      { audio_filepath: url, duration: 10, text: 'hello there and then bye' },
    ]);
    // Not probed: the last segment's end stands in; labels only: no line.
    const unprobed = mediaItem([{ talk }, { talk: [{ start: 0, end: 1, label: 'music' }] }], { media: {} });
    expect(linesOf(t, unprobed)).toEqual([
      { audio_filepath: url, duration: 5.5, text: 'hello there and then bye' },
    ]);
  });
});
