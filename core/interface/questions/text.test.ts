import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

describe('text answers', () => {
  it('accepts a string, blank ones included when optional', () => {
    const iface = interfaceWith({ name: 'comment', type: 'text' });
    expect(check(iface, { comment: 'fine' })).toEqual({ value: { comment: 'fine' } });
    expect(check(iface, { comment: ' ' })).toEqual({ value: { comment: ' ' } });
  });

  it('treats a blank answer to a required question as missing on submit only', () => {
    const iface = interfaceWith({ name: 'comment', type: 'text', required: true });
    expect(check(iface, { comment: ' \n' })).toEqual({ messages: ['comment: an answer is required'] });
    expect(check(iface, { comment: ' \n' }, { text: '' }, true)).toEqual({ value: { comment: ' \n' } });
  });

  it('counts maxLength in code points', () => {
    const iface = interfaceWith({ name: 'comment', type: 'text', maxLength: 3 });
    expect(check(iface, { comment: '😀😀😀' })).toEqual({ value: { comment: '😀😀😀' } });
    expect(check(iface, { comment: 'abcd' })).toEqual({
      messages: ['comment: is 4 characters long, above the maximum 3'],
    });
  });

  it('refuses a non-string answer', () => {
    const iface = interfaceWith({ name: 'comment', type: 'text' });
    expect(check(iface, { comment: 3 })).toEqual({ messages: ['comment: expected a string, got 3'] });
  });
});
