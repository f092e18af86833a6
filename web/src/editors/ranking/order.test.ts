import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describePlace, move, orderOf, placeOf, type Row, rowsFrom, tiedWith, toggleTie } from './order.ts';

const rows = (spec: string): Row[] =>
  spec.split(' ').map((s) => ({ id: s.replace('~', ''), tied: s.endsWith('~') }));
const spec = (r: readonly Row[]) => r.map((x) => `${x.id}${x.tied ? '~' : ''}`).join(' ');

describe('rows from an answer', () => {
  it('are the places in order, then the candidates not placed yet, in the order shown', () => {
    const { rows: r, ranked } = rowsFrom({ order: [['c'], ['a', 'd']] }, ['d', 'b', 'a', 'c'], true);
    expect(spec(r)).toBe('c a d~ b');
    expect(ranked).toBe(true);
  });

  it('are the order shown, unranked, without an answer', () => {
    expect(rowsFrom(undefined, ['b', 'a'], true)).toEqual({ rows: rows('b a'), ranked: false });
  });

  it('leave out unknown and repeated ids, and ties when ties are not allowed', () => {
    const { rows: r } = rowsFrom(
      {
        order: [
          ['z', 'a'],
          ['a', 'b'],
        ],
      },
      ['a', 'b'],
      false,
    );
    expect(spec(r)).toBe('a b');
  });
});

describe('moves', () => {
  it('move a row one place up or down', () => {
    expect(spec(move(rows('a b c'), 2, 1))).toBe('a c b');
    expect(spec(move(rows('a b c'), 0, 1))).toBe('b a c');
  });

  it('take the moved row out of its tie, leaving the rest of the tie together', () => {
    expect(spec(move(rows('a b~ c~ d'), 1, 3))).toBe('a c~ d b');
    expect(spec(move(rows('a b~ c'), 0, 1))).toBe('b a c');
  });

  it('put a row dropped between two tied rows in their place', () => {
    expect(spec(move(rows('a b~ c'), 2, 1))).toBe('a c~ b~');
    // …and one more step up takes it out again, above the tie.
    expect(spec(move(rows('a c~ b~'), 1, 0))).toBe('c a b~');
  });

  it('change nothing out of range', () => {
    expect(spec(move(rows('a b'), 0, 2))).toBe('a b');
    expect(spec(move(rows('a b'), -1, 0))).toBe('a b');
  });

  it('keep every candidate exactly once and the first row untied, whatever the moves', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 2, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7), fc.boolean())),
        (ties, steps) => {
          let r: Row[] = ties.map((t, i) => ({ id: `c${i}`, tied: i > 0 && t }));
          for (const [from, to, tie] of steps) {
            r = tie ? toggleTie(r, from % r.length) : move(r, from % r.length, to % r.length);
            expect(r[0]!.tied).toBe(false);
            expect(orderOf(r).flat().sort()).toEqual(ties.map((_, i) => `c${i}`).sort());
          }
        },
      ),
    );
  });
});

describe('ties', () => {
  it('toggle with the row above, never on the first row', () => {
    expect(spec(toggleTie(rows('a b c'), 1))).toBe('a b~ c');
    expect(spec(toggleTie(rows('a b~ c'), 1))).toBe('a b c');
    expect(spec(toggleTie(rows('a b'), 0))).toBe('a b');
  });

  it('become inner lists of the answer, best first', () => {
    expect(orderOf(rows('a b~ c d~ e~'))).toEqual([
      ['a', 'b'],
      ['c', 'd', 'e'],
    ]);
  });

  it('share one place', () => {
    const r = rows('a b~ c');
    expect([0, 1, 2].map((i) => placeOf(r, i))).toEqual([1, 1, 2]);
    expect(tiedWith(r, 1)).toEqual(['a']);
    expect(tiedWith(r, 2)).toEqual([]);
  });

  it('are said in the announcement', () => {
    const name = (id: string) => `Response ${id.toUpperCase()}`;
    expect(describePlace(rows('a c~ b'), 1, name)).toBe('Response C: place 1 of 2, tied with Response A.');
    expect(describePlace(rows('a c b'), 2, name)).toBe('Response B: place 3 of 3.');
  });
});
