import { describe, expect, it } from 'vitest';
import { shownCandidates } from '../candidates.ts';
import { originalOf, startFrom, switchLosesWork, withText } from './source.ts';

const candidates = shownCandidates(
  {
    pair: [
      { id: 'a', content: 'It is 1024.' },
      { id: 'b', content: 'About a thousand.' },
    ],
  },
  'pair',
  ['b', 'a'],
);

describe('where a rewrite starts', () => {
  it("starts from a candidate's text, or a blank page", () => {
    expect(startFrom(candidates, 'a')).toEqual({ text: 'It is 1024.', source: 'a' });
    expect(startFrom(candidates, null)).toEqual({ text: '', source: null });
    expect(originalOf(candidates, 'gone')).toBe('');
  });

  it('switches freely while the text is blank or untouched, and asks once it was edited', () => {
    expect(switchLosesWork(undefined, candidates)).toBe(false);
    expect(switchLosesWork({ text: '  ', source: null }, candidates)).toBe(false);
    expect(switchLosesWork(startFrom(candidates, 'b'), candidates)).toBe(false);
    expect(switchLosesWork({ text: 'About 1024.', source: 'b' }, candidates)).toBe(true);
    expect(switchLosesWork({ text: 'Mine.', source: null }, candidates)).toBe(true);
  });

  it('keeps the source while typing, null when none was chosen', () => {
    expect(withText({ text: 'x', source: 'a' }, 'xy')).toEqual({ text: 'xy', source: 'a' });
    expect(withText(undefined, 'new')).toEqual({ text: 'new', source: null });
  });
});
