import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

describe('number answers', () => {
  it('accepts any finite number when unbounded', () => {
    const iface = interfaceWith({ name: 'steps', type: 'number' });
    expect(check(iface, { steps: -1.5 })).toEqual({ value: { steps: -1.5 } });
  });

  it('refuses strings and non-finite numbers', () => {
    const iface = interfaceWith({ name: 'steps', type: 'number' });
    expect(check(iface, { steps: '3' })).toEqual({ messages: ['steps: expected a number, got "3"'] });
    expect(check(iface, { steps: Number.POSITIVE_INFINITY })).toEqual({
      messages: ['steps: Infinity is not a finite number'],
    });
  });

  it('enforces bounds and wholeness when configured', () => {
    const iface = interfaceWith({ name: 'steps', type: 'number', min: 0, max: 10, integer: true });
    expect(check(iface, { steps: 10 })).toEqual({ value: { steps: 10 } });
    expect(check(iface, { steps: 11 })).toEqual({ messages: ['steps: 11 is above the maximum 10'] });
    expect(check(iface, { steps: -1 })).toEqual({ messages: ['steps: -1 is below the minimum 0'] });
    expect(check(iface, { steps: 1.5 })).toEqual({ messages: ['steps: 1.5 is not a whole number'] });
  });
});
