import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownOrder, shownOrders, shownSeed } from './shuffle.ts';

const distinctIds = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 16 });

describe('shownOrder', () => {
  it('is a permutation of the ids', () => {
    fc.assert(
      fc.property(distinctIds, fc.string(), (ids, seed) => {
        const order = shownOrder(ids, seed);
        expect(order).toHaveLength(ids.length);
        expect([...order].sort()).toEqual([...ids].sort());
      }),
    );
  });

  it('gives the same order for the same seed, and leaves its input alone', () => {
    fc.assert(
      fc.property(distinctIds, fc.string(), (ids, seed) => {
        const before = [...ids];
        expect(shownOrder(ids, seed)).toEqual(shownOrder(ids, seed));
        expect(ids).toEqual(before);
      }),
    );
  });

  it('puts each id at each position about equally often over many seeds', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const seeds = 10_000;
    const counts = ids.map(() => new Map<string, number>());
    for (let s = 0; s < seeds; s++) {
      shownOrder(ids, shownSeed(s, 7, 'reply')).forEach((id, pos) => {
        counts[pos]!.set(id, (counts[pos]!.get(id) ?? 0) + 1);
      });
    }
    for (const atPosition of counts) {
      for (const id of ids) {
        const share = (atPosition.get(id) ?? 0) / seeds;
        expect(share).toBeGreaterThan(0.2);
        expect(share).toBeLessThan(0.3);
      }
    }
  });

  it('shows both orders of a pair, about half the time each, across annotators of one item', () => {
    let swapped = 0;
    for (let user = 0; user < 2000; user++) {
      if (shownOrder(['a', 'b'], shownSeed(42, user, 'reply'))[0] === 'b') swapped++;
    }
    expect(swapped).toBeGreaterThan(900);
    expect(swapped).toBeLessThan(1100);
  });

  it('keeps an empty or single list as it is', () => {
    expect(shownOrder([], 'x')).toEqual([]);
    expect(shownOrder(['only'], 'x')).toEqual(['only']);
  });
});

describe('shownOrders', () => {
  const iface: Parameters<typeof shownOrders>[0] = {
    fields: [
      { name: 'prompt', type: 'text', format: 'plain' },
      { name: 'reply', type: 'responses', format: 'markdown', revealModels: false },
      { name: 'other', type: 'responses', format: 'markdown', revealModels: false },
    ],
  };
  const data = {
    prompt: 'Which is right?',
    reply: [
      { id: 'a', content: 'one' },
      { id: 'b', content: 'two' },
      { id: 'c', content: 'three' },
    ],
    other: [
      { id: 'x', content: '1' },
      { id: 'y', content: '2' },
    ],
  };

  it('orders every responses field, seeded by item, user and field', () => {
    const orders = shownOrders(iface, data, 3, 9);
    expect(Object.keys(orders)).toEqual(['reply', 'other']);
    expect(orders.reply).toEqual(shownOrder(['a', 'b', 'c'], '3:9:reply'));
    expect(orders.other).toEqual(shownOrder(['x', 'y'], '3:9:other'));
  });

  it('is {} for an interface without responses fields', () => {
    expect(shownOrders({ fields: [{ name: 'prompt', type: 'text', format: 'plain' }] }, data, 1, 1)).toEqual(
      {},
    );
  });

  it('gives an empty list for a value that is not a list', () => {
    expect(shownOrders(iface, { reply: 'nope' }, 1, 1)).toEqual({ reply: [], other: [] });
  });
});
