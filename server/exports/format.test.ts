import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChunkWriter, ItemPage, isoTime, LineWriter } from './format.ts';

describe('isoTime', () => {
  it('writes what JSON.stringify(new Date(ms).toISOString()) writes, for any time a Date holds', () => {
    const edges = [0, -1, 86_399_999, 86_400_000, 951_782_400_000, 253_402_300_799_999, 253_402_300_800_000];
    for (const ms of edges) expect(isoTime(ms)).toBe(JSON.stringify(new Date(ms).toISOString()));
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(isoTime(ms)).toBe(JSON.stringify(new Date(ms).toISOString()));
      }),
      { numRuns: 5_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        expect(isoTime(ms)).toBe(JSON.stringify(new Date(ms).toISOString()));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes null for a time never set', () => {
    expect(isoTime(null)).toBe('null');
  });
});

describe('ChunkWriter', () => {
  it('hands out the UTF-8 of everything written, in order, and no empty chunk', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 60 }), (texts) => {
        const out = new ChunkWriter(64);
        const chunks: Buffer[] = [];
        for (const [k, text] of texts.entries()) {
          out.write(text);
          if (k % 7 === 0) chunks.push(...out.take());
        }
        chunks.push(...out.take());
        expect(Buffer.concat(chunks).toString('utf8')).toBe(texts.join(''));
        for (const chunk of chunks) expect(chunk.length).toBeGreaterThan(0);
      }),
    );
  });

  it('keeps a text longer than a chunk whole, between the chunks around it', () => {
    const out = new ChunkWriter(16);
    out.write('a');
    out.write('é'.repeat(40));
    out.write('z');
    const chunks = out.take();
    expect(chunks.map((c) => c.toString('utf8'))).toEqual(['a', 'é'.repeat(40), 'z']);
  });

  it('never changes bytes it has handed out', () => {
    const out = new ChunkWriter(1024);
    out.write('first');
    const [first] = out.take();
    out.write('second');
    out.take();
    expect(first!.toString('utf8')).toBe('first');
  });
});

describe('LineWriter', () => {
  const read = (out: ChunkWriter) => Buffer.concat(out.take()).toString('utf8');

  it('writes each item of a page once, with the annotations of that item only, in order', () => {
    const out = new ChunkWriter(64);
    const lines = new LineWriter(out);
    const page = new ItemPage();
    for (const id of [2, 3, 5, 8]) page.add([id, `{"id":${id},"annotations":[`]);
    lines.page(page);
    lines.skip([3, '{"s":"x","skippedAt":', 5]);
    lines.skip([5, '{"s":"y","skippedAt":', 6]);
    lines.skip([5, '{"s":"z","skippedAt":', 7]);
    lines.annotation([3, '{"n":"a","at":', 0, 1, null]);
    lines.annotation([3, '{"n":"b","at":', 0, 1, 2]);
    lines.annotation([4, '{"n":"not in the page","at":', 0, 1, 2]);
    lines.annotation([8, '{"n":"c","at":', 0, 1, null]);
    lines.endPage();
    const time = (ms: number | null) => isoTime(ms);
    const text = (n: string, s: number | null) =>
      `{"n":"${n}","at":${time(0)},"updatedAt":${time(1)},"submittedAt":${time(s)}}`;
    const skip = (s: string, at: number) => `{"s":"${s}","skippedAt":${time(at)}}`;
    expect(read(out)).toBe(
      '{"id":2,"annotations":[],"skips":[]}\n' +
        `{"id":3,"annotations":[${text('a', null)},${text('b', 2)}],"skips":[${skip('x', 5)}]}\n` +
        `{"id":5,"annotations":[],"skips":[${skip('y', 6)},${skip('z', 7)}]}\n` +
        `{"id":8,"annotations":[${text('c', null)}],"skips":[]}\n`,
    );
    // A page's skips are its own: the next page starts without them.
    page.clear();
    page.add([9, '{"id":9,"annotations":[']);
    lines.page(page);
    lines.endPage();
    expect(read(out)).toBe('{"id":9,"annotations":[],"skips":[]}\n');
  });

  it('keeps heads of any size and any characters, page after page', () => {
    const out = new ChunkWriter(1024);
    const lines = new LineWriter(out);
    const page = new ItemPage();
    const big = `{"id":1,"data":"${'ü😀x'.repeat(200_000)}","annotations":[`;
    page.add([1, big]);
    page.add([2, '{"id":2,"annotations":[']);
    lines.page(page);
    lines.endPage();
    page.clear();
    page.add([3, '{"id":3,"data":"é","annotations":[']);
    lines.page(page);
    lines.endPage();
    const end = '],"skips":[]}\n';
    expect(read(out)).toBe(
      `${big}${end}{"id":2,"annotations":[${end}{"id":3,"data":"é","annotations":[${end}`,
    );
  });
});
