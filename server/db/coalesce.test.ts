import { describe, expect, it } from 'vitest';
import { coalescedReader } from './coalesce.ts';

describe('coalescedReader', () => {
  it('answers the keys asked in one turn with one read, each caller its own value', async () => {
    const reads: number[][] = [];
    const read = coalescedReader(async (keys: readonly number[]) => {
      reads.push([...keys]);
      return new Map(keys.filter((k) => k !== 3).map((k) => [k, `v${k}`]));
    });
    const answers = await Promise.all([read(1), read(2), read(1), read(3)]);
    expect(answers).toEqual(['v1', 'v2', 'v1', undefined]);
    expect(reads).toEqual([[1, 2, 3]]);
    expect(await read(4)).toBe('v4');
    expect(reads).toEqual([[1, 2, 3], [4]]);
  });

  it('splits a large turn into reads of at most `max` keys', async () => {
    const sizes: number[] = [];
    const read = coalescedReader(async (keys: readonly number[]) => {
      sizes.push(keys.length);
      return new Map(keys.map((k) => [k, k * 2]));
    }, 3);
    const answers = await Promise.all([1, 2, 3, 4, 5, 6, 7].map((k) => read(k)));
    expect(answers).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it("rejects every caller of a failed read, and the next turn's read starts afresh", async () => {
    let fail = true;
    const read = coalescedReader(async (keys: readonly string[]) => {
      if (fail) throw new Error('store down');
      return new Map(keys.map((k) => [k, k.length]));
    });
    const first = await Promise.allSettled([read('a'), read('bb')]);
    expect(first.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await read('ccc')).toBe(3);
  });
});
