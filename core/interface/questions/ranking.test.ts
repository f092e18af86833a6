import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check } from '../testing.ts';
import { tutoringData as data, tutoringWith } from './tutoring-fixture.ts';

const strict = tutoringWith({ name: 'r', type: 'ranking', field: 'four' });
const ties = tutoringWith({ name: 'r', type: 'ranking', field: 'four', allowTies: true });

describe('ranking answers', () => {
  it('accepts every candidate once, best first, with ties only where allowed', () => {
    const order = [['x'], ['w'], ['z'], ['y']];
    expect(check(strict, { r: { order } }, data)).toEqual({ value: { r: { order } } });
    const tied = [['x', 'y'], ['w'], ['z']];
    expect(check(ties, { r: { order: tied } }, data)).toEqual({ value: { r: { order: tied } } });
    expect(check(strict, { r: { order: tied } }, data)).toEqual({
      messages: ['r.order[0]: ties are not allowed in this question; 2 candidates share a place'],
    });
  });

  it('names an omitted, repeated or unknown candidate', () => {
    expect(check(strict, { r: { order: [['x'], ['w'], ['z']] } }, data)).toEqual({
      messages: ['r.order: omits candidate "y"; a ranking places every candidate'],
    });
    expect(check(strict, { r: { order: [['x'], ['w'], ['z'], ['y'], ['x']] } }, data)).toEqual({
      messages: ['r.order[4][0]: repeats candidate "x"'],
    });
    expect(check(strict, { r: { order: [['x'], ['w'], ['q'], ['y'], ['z']] } }, data).messages).toEqual([
      'r.order[2][0]: unknown candidate "q"; the item\'s candidates are "w", "x", "y", "z"',
    ]);
    expect(check(strict, { r: { order: [[]] } }, data).messages?.[0]).toBe(
      'r.order[0]: each place is a non-empty list of candidate ids, got an array',
    );
  });

  it('lets a draft hold a partial ranking, and counts an empty one as unanswered', () => {
    expect(check(strict, { r: { order: [['z']] } }, data, true)).toEqual({
      value: { r: { order: [['z']] } },
    });
    const required = tutoringWith({ name: 'r', type: 'ranking', field: 'four', required: true });
    expect(check(required, { r: { order: [] } }, data).messages?.[0]).toBe('r: an answer is required');
  });

  it('accepts any permutation cut into any tiers, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(['w', 'x', 'y', 'z'], { minLength: 4 }),
        fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
        (perm, cuts) => {
          const order: string[][] = [[perm[0]!]];
          perm.slice(1).forEach((id, i) => {
            if (cuts[i]) order.push([id]);
            else order[order.length - 1]!.push(id);
          });
          expect(check(ties, { r: { order } }, data)).toEqual({ value: { r: { order } } });
        },
      ),
    );
  });
});
