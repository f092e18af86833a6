import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstTooDeep } from './json-body.ts';

/** The nesting depth of a parsed value, the slow and obvious way. */
const depthOf = (v: unknown): number =>
  v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;

describe('JSON nesting scan', () => {
  it('finds the bracket that opens one level too many', () => {
    expect(firstTooDeep('[[[]]]', 3)).toBe(-1);
    expect(firstTooDeep('[[[]]]', 2)).toBe(2);
    expect(firstTooDeep('{"a":{"b":[1]}}', 2)).toBe(10);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(firstTooDeep('["[[[[", "\\"[[[", "\\\\", ["x"]]', 2)).toBe(-1);
    // A backslash-escaped backslash before an escaped quote: the string ends at index 8.
    expect(firstTooDeep('["\\\\\\"[[", [[]]]', 2)).toBe(12);
  });

  it('agrees with the depth of what JSON.parse builds', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 9 }), (value, max) => {
        const text = JSON.stringify(value);
        expect(firstTooDeep(text, max) === -1).toBe(depthOf(value) <= max);
      }),
    );
  });
});
