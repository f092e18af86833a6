import { describe, expect, it } from 'vitest';
import { candidateName, shownCandidates } from './candidates.ts';

const data = {
  pair: [
    { id: 'a', content: 'first' },
    { id: 'b', content: 'second' },
    { id: 'c', content: 'third' },
  ],
};

describe('candidates in shown order', () => {
  it("follow the annotator's shown order and letter it from A", () => {
    const shown = shownCandidates(data, 'pair', ['c', 'a', 'b']);
    expect(shown.map((c) => `${c.letter}=${c.id}`)).toEqual(['A=c', 'B=a', 'C=b']);
  });

  it("fall back to the item's order without a shown order", () => {
    expect(shownCandidates(data, 'pair').map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('ignore unknown ids and append the ones a stale order leaves out, each once', () => {
    const shown = shownCandidates(data, 'pair', ['zz', 'b', 'b']);
    expect(shown.map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });

  it('are empty for a field the item does not have', () => {
    expect(shownCandidates({}, 'pair')).toEqual([]);
  });

  it('name a candidate by its letter, and an unknown id as it is', () => {
    const shown = shownCandidates(data, 'pair', ['b', 'a', 'c']);
    expect(candidateName(shown, 'a')).toBe('Response B');
    expect(candidateName(shown, 'gone')).toBe('response "gone"');
  });
});
