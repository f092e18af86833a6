import { describe, expect, it } from 'vitest';
import { shownIds, turnsOf } from './shown.ts';

const data = {
  pair: [
    { id: 'x', content: 'first' },
    { id: 'y', content: 'second' },
    { id: 'z', content: 'third' },
  ],
};

describe('shownIds', () => {
  it('follow the shown order, and the item order without one', () => {
    expect(shownIds(data, 'pair', ['z', 'x', 'y'])).toEqual(['z', 'x', 'y']);
    expect(shownIds(data, 'pair')).toEqual(['x', 'y', 'z']);
  });

  it('skip ids the item lacks and append the candidates the order leaves out', () => {
    expect(shownIds(data, 'pair', ['q', 'y'])).toEqual(['y', 'x', 'z']);
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
