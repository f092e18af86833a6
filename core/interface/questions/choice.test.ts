import { describe, expect, it } from 'vitest';
import { check, interfaceWith } from '../testing.ts';

describe('choice answers', () => {
  const iface = interfaceWith({ name: 'topic', type: 'choice', options: ['algebra', 'geometry', 'other'] });

  it('accepts one of the options', () => {
    expect(check(iface, { topic: 'algebra' })).toEqual({ value: { topic: 'algebra' } });
  });

  it('names the options when the answer is not one', () => {
    expect(check(iface, { topic: 'foo' })).toEqual({
      messages: ['topic: "foo" is not one of the options algebra, geometry, other'],
    });
  });

  it('refuses a non-string answer', () => {
    expect(check(iface, { topic: ['algebra'] })).toEqual({
      messages: ['topic: expected one option as a string, got an array'],
    });
  });

  it('shortens the option list in messages for long lists', () => {
    const options = Array.from({ length: 30 }, (_, i) => `o${i}`);
    const long = interfaceWith({ name: 'c', type: 'choice', options });
    expect(check(long, { c: 'x' })).toEqual({
      messages: [`c: "x" is not one of the options ${options.slice(0, 20).join(', ')}, … (30 in all)`],
    });
  });
});
