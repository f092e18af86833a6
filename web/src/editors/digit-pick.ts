import { digitOf, type KeyLike } from './keymap.ts';

/**
 * The option a digit key picks inside a grid of radio groups (a rubric cell, a turn's rating):
 * 1 is the first of `count` options. Undefined for any other key, so the caller lets it through.
 * The caller marks the key handled, so the form-wide digit keys leave other questions alone.
 */
export function digitPick(e: KeyLike, count: number): number | undefined {
  const n = digitOf(e, 'choice');
  return n !== undefined && n <= count ? n - 1 : undefined;
}
