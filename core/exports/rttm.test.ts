import { describe, expect, it } from 'vitest';
import { emitted, mediaInterface, mediaItem } from './media-testing.ts';
import { rttmTransformer } from './rttm.ts';

describe('rttm', () => {
  const t = rttmTransformer(mediaInterface, { pairs: 'all', threshold: 0.5 });

  it('writes a SPEAKER line per segment with a speaker, times to the millisecond, spaces out of the file id', () => {
    const item = mediaItem([
      {
        talk: [
          { start: 1.25, end: 3.5, speaker: 'ada', text: 'hi' },
          { start: 0, end: 1, label: 'music' },
          { start: 4.0004, end: 4.1, speaker: 'bob' },
        ],
      },
    ]);
    expect(emitted(t, item)).toBe(
      'SPEAKER item-5-ep_1 1 1.250 2.250 <NA> <NA> ada <NA> <NA>\n' +
        'SPEAKER item-5-ep_1 1 4.000 0.100 <NA> <NA> bob <NA> <NA>\n',
    );
  });

  it('names an item without an external id item-<id>', () => {
    const item = mediaItem([{ talk: [{ start: 0, end: 2, speaker: 'ada' }] }], { externalId: null });
    expect(emitted(t, item)).toBe('SPEAKER item-5 1 0.000 2.000 <NA> <NA> ada <NA> <NA>\n');
  });
});
