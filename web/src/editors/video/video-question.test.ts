import { describe, expect, it } from 'vitest';
import { answerLines } from './VideoQuestion.tsx';

describe('a video answer as text', () => {
  it('says each segment, labelled frame and track in a line', () => {
    expect(answerLines('segments', [{ start: 0.4, end: 1.2, label: 'still', text: 'hi' }])).toEqual([
      '0.4–1.2 s still: hi',
    ]);
    expect(answerLines('frames', [{ frame: 5, label: 'outdoor' }])).toEqual(['frame 5: outdoor']);
    expect(
      answerLines('tracks', [
        {
          id: 't1',
          label: 'square',
          keyframes: [
            { frame: 0, x: 1, y: 1, width: 2, height: 2 },
            { frame: 40, outside: true },
          ],
        },
      ]),
    ).toEqual(['t1 square: 2 keyframes, frames 0–40']);
  });
});
