import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

describe('rating answers', () => {
  const iface = interfaceWith({ name: 'difficulty', type: 'rating' });

  it('accepts whole numbers within the default 1-5 scale, bounds included', () => {
    expect(check(iface, { difficulty: 1 })).toEqual({ value: { difficulty: 1 } });
    expect(check(iface, { difficulty: 5 })).toEqual({ value: { difficulty: 5 } });
  });

  it('reports values outside the scale', () => {
    expect(check(iface, { difficulty: 7 })).toEqual({ messages: ['difficulty: 7 is above the maximum 5'] });
    expect(check(iface, { difficulty: 0 })).toEqual({ messages: ['difficulty: 0 is below the minimum 1'] });
  });

  it('reports fractions and strings', () => {
    expect(check(iface, { difficulty: 2.5 })).toEqual({
      messages: ['difficulty: 2.5 is not a whole number'],
    });
    expect(check(iface, { difficulty: '3' })).toEqual({
      messages: ['difficulty: expected a whole number from 1 to 5, got "3"'],
    });
  });

  it('uses a custom scale', () => {
    const wide = interfaceWith({ name: 'r', type: 'rating', min: -2, max: 2 });
    expect(check(wide, { r: -2 })).toEqual({ value: { r: -2 } });
    expect(check(wide, { r: 3 })).toEqual({ messages: ['r: 3 is above the maximum 2'] });
  });
});
