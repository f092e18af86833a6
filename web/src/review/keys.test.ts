import { describe, expect, it } from 'vitest';
import { reviewCommandFor } from './keys.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('review keys', () => {
  it('maps A, R and F to the decisions, outside text boxes only', () => {
    expect(reviewCommandFor(key('a'), 'other', false)).toBe('accept');
    expect(reviewCommandFor(key('R'), 'choice', false)).toBe('reject');
    expect(reviewCommandFor(key('f'), 'control', false)).toBe('fix');
    expect(reviewCommandFor(key('a'), 'textarea', false)).toBeUndefined();
    expect(reviewCommandFor(key('a', { metaKey: true }), 'other', false)).toBeUndefined();
    expect(reviewCommandFor(key('Enter'), 'other', false)).toBeUndefined();
  });

  it('while fixing, saves on Ctrl+Enter anywhere or Enter outside a text box, and cancels on Esc', () => {
    expect(reviewCommandFor(key('Enter', { ctrlKey: true }), 'textarea', true)).toBe('saveFix');
    expect(reviewCommandFor(key('Enter'), 'textarea', true)).toBeUndefined();
    expect(reviewCommandFor(key('Enter'), 'choice', true)).toBe('saveFix');
    expect(reviewCommandFor(key('Escape'), 'text-entry', true)).toBe('cancelFix');
    expect(reviewCommandFor(key('a'), 'other', true)).toBeUndefined();
  });
});
