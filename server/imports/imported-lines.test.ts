import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportedLines } from './imported-lines.ts';

describe('ImportedLines', () => {
  it('finds the line of every added id, and nothing for ids never added', () => {
    // Pairs as an import adds them: ids and lines both grow, by one or with gaps (rows of other
    // writers between statements, invalid or refused lines skipped).
    const steps = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })), {
      maxLength: 300,
    });
    fc.assert(
      fc.property(steps, (gaps) => {
        const imported = new ImportedLines();
        const expected = new Map<number, number>();
        let id = 1000;
        let line = 0;
        for (const [idGap, lineGap] of gaps) {
          id += idGap;
          line += lineGap;
          imported.add({ id, line });
          expected.set(id, line);
        }
        for (let probe = 990; probe <= id + 2; probe++)
          expect(imported.lineOf(probe)).toBe(expected.get(probe));
      }),
    );
  });

  it('keeps a million consecutive pairs as one run', () => {
    const imported = new ImportedLines();
    for (let k = 0; k < 1_000_000; k++) imported.add({ id: 5 + k, line: 2 + k });
    expect(imported.lineOf(5)).toBe(2);
    expect(imported.lineOf(999_999 + 5)).toBe(999_999 + 2);
    expect(imported.lineOf(1_000_005)).toBeUndefined();
    expect(imported.runCount).toBe(1);
  });
});
