import { describe, expect, it } from 'vitest';
import { digitPick } from './digit-pick.ts';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean }> = {}) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('digit keys in a grid of radios', () => {
  it('pick the nth option, counted from 1', () => {
    expect(digitPick(key('1'), 5)).toBe(0);
    expect(digitPick(key('5'), 5)).toBe(4);
  });
  it('pick nothing past the last option, with a modifier, or for other keys', () => {
    expect(digitPick(key('6'), 5)).toBeUndefined();
    expect(digitPick(key('2', { ctrlKey: true }), 5)).toBeUndefined();
    expect(digitPick(key('a'), 5)).toBeUndefined();
    expect(digitPick(key('0'), 5)).toBeUndefined();
  });
});
