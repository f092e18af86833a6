import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstTooDeep, nestsDeeperThan } from './json-depth.ts';

/** A value nesting `depth` levels, alternating arrays and objects. */
function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let d = 0; d < depth; d++) v = d % 2 === 0 ? [v] : { k: v };
  return v;
}

/** The depth by recursion, for values shallow enough to recurse over. */
function depthOf(v: unknown): number {
  if (typeof v !== 'object' || v === null) return 0;
  const children = Array.isArray(v) ? v : Object.values(v);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('nestsDeeperThan', () => {
  it('tells a value at the limit from one a level past it', () => {
    expect(nestsDeeperThan(nested(100), 100)).toBe(false);
    expect(nestsDeeperThan(nested(101), 100)).toBe(true);
    expect(nestsDeeperThan('text', 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
  });

  it('measures 100,000 levels without overflowing the stack', () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(nestsDeeperThan(JSON.parse(text), 100)).toBe(true);
  });

  it('agrees with the recursive depth for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (v, max) => {
        expect(nestsDeeperThan(v, max)).toBe(depthOf(v) > max);
      }),
    );
  });
});

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
