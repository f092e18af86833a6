import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

describe('multi_choice answers', () => {
  const options = ['unsafe', 'off-topic', 'pii'];
  const iface = interfaceWith({
    name: 'flags',
    type: 'multi_choice',
    options,
    minSelected: 2,
    maxSelected: 2,
  });

  it('accepts distinct options and returns them in option order', () => {
    expect(check(iface, { flags: ['pii', 'unsafe'] })).toEqual({ value: { flags: ['unsafe', 'pii'] } });
  });

  it('accepts an empty selection when there is no minimum', () => {
    const free = interfaceWith({ name: 'flags', type: 'multi_choice', options });
    expect(check(free, { flags: [] })).toEqual({ value: { flags: [] } });
  });

  it('reports unknown and repeated options by position', () => {
    expect(check(iface, { flags: ['pii', 'spam', 'pii'] })).toEqual({
      messages: [
        'flags[1]: "spam" is not one of the options unsafe, off-topic, pii',
        'flags[2]: "pii" is selected twice',
        'flags: 3 selected, at most 2 allowed',
      ],
    });
  });

  it('enforces the minimum on submit but not in a draft', () => {
    expect(check(iface, { flags: ['pii'] })).toEqual({
      messages: ['flags: 1 selected, at least 2 required'],
    });
    expect(check(iface, { flags: ['pii'] }, { text: '' }, true)).toEqual({ value: { flags: ['pii'] } });
  });

  it('refuses a single string instead of an array', () => {
    expect(check(iface, { flags: 'pii' })).toEqual({
      messages: ['flags: expected an array of options, got "pii"'],
    });
  });
});
