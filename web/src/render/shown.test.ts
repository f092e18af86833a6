import { describe, expect, it } from 'vitest';
import { candidateList, letterAt, shownCandidates, shownIds, shownOf, turnsOf } from './shown.ts';

const data = {
  pair: [
    { id: 'x', model: 'm1', content: 'first' },
    { id: 'y', content: 'second' },
    { id: 'z', content: 'third' },
  ],
};

describe('shown candidates', () => {
  it('follow the shown order and are lettered by place', () => {
    const c = shownCandidates(data, 'pair', ['z', 'x', 'y']);
    expect(c.map((x) => `${x.letter}=${x.id}@${x.position}`)).toEqual(['A=z@0', 'B=x@1', 'C=y@2']);
    expect(c[1]!.model).toBe('m1');
  });

  it("keep the item's order without a shown order", () => {
    expect(shownIds(data, 'pair')).toEqual(['x', 'y', 'z']);
  });

  it('skip ids the item lacks and append the candidates the order leaves out', () => {
    expect(shownIds(data, 'pair', ['q', 'y'])).toEqual(['y', 'x', 'z']);
  });

  it('never show a candidate twice when the order repeats an id', () => {
    expect(shownIds(data, 'pair', ['y', 'y', 'x'])).toEqual(['y', 'x', 'z']);
  });

  it('are none for a field that is missing or not a list', () => {
    expect(shownCandidates({}, 'pair')).toEqual([]);
    expect(shownCandidates({ pair: 'text' }, 'pair')).toEqual([]);
    expect(candidateList([{ id: 1, content: 'x' }, null, { id: 'a', content: 'ok' }])).toEqual([
      { id: 'a', content: 'ok' },
    ]);
  });

  it('letters run A to P for sixteen places', () => {
    expect([0, 1, 15].map(letterAt)).toEqual(['A', 'B', 'P']);
  });
});

describe('shownOf', () => {
  it('reads {field: ids} from a payload and ignores malformed entries', () => {
    expect(shownOf({ shown: { pair: ['b', 'a'], bad: [1], other: 'x' } })).toEqual({ pair: ['b', 'a'] });
  });

  it('is undefined for a payload without shown orders', () => {
    expect(shownOf({ item: {} })).toBeUndefined();
    expect(shownOf({ shown: null })).toBeUndefined();
    expect(shownOf(undefined)).toBeUndefined();
  });
});

describe('turnsOf', () => {
  it('keeps well-formed turns only', () => {
    expect(turnsOf([{ role: 'user', content: 'hi' }, { role: 'user' }, 3])).toEqual([
      { role: 'user', content: 'hi' },
    ]);
    expect(turnsOf('not a chat')).toEqual([]);
  });
});
