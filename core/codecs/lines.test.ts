import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodecError, readLines } from './lines.ts';
import {
  collect,
  collectUntilError,
  cutAt,
  cutOffsets,
  everySplit,
  sourceOf,
  trickyText,
  utf8,
} from './test-support.ts';

/** What readLines must yield, computed the slow and obvious way. */
function expectedLines(text: string) {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const parts = body.split('\n');
  if (parts.at(-1) === '') parts.pop();
  return parts.map((part, i) => ({ line: i + 1, text: part.endsWith('\r') ? part.slice(0, -1) : part }));
}

const texts = (lines: { text: string }[]) => lines.map((line) => line.text);

describe('readLines', () => {
  it('yields numbered lines, empty ones included, and a last line without a newline', async () => {
    const lines = await collect(readLines(sourceOf('first\n\nthird\nlast')));
    expect(lines).toEqual([
      { line: 1, text: 'first' },
      { line: 2, text: '' },
      { line: 3, text: 'third' },
      { line: 4, text: 'last' },
    ]);
  });

  it('yields nothing for empty input and no extra line after a final newline', async () => {
    expect(await collect(readLines(sourceOf()))).toEqual([]);
    expect(await collect(readLines(sourceOf('', utf8(''))))).toEqual([]);
    expect(texts(await collect(readLines(sourceOf('a\n'))))).toEqual(['a']);
    expect(texts(await collect(readLines(sourceOf('\n'))))).toEqual(['']);
  });

  it('strips the \\r of CRLF line ends but keeps a \\r inside a line', async () => {
    const lines = await collect(readLines(sourceOf(utf8('a\r\nb\rc\r\nd\r'))));
    expect(texts(lines)).toEqual(['a', 'b\rc', 'd']);
  });

  it('strips a UTF-8 BOM at the start only, from bytes and from text', async () => {
    expect(texts(await collect(readLines(sourceOf(utf8('\uFEFFa\n\uFEFFb')))))).toEqual(['a', '\uFEFFb']);
    expect(texts(await collect(readLines(sourceOf('\uFEFFa\n'))))).toEqual(['a']);
    expect(
      texts(await collect(readLines(sourceOf(new Uint8Array([0xef, 0xbb]), new Uint8Array([0xbf, 0x78]))))),
    ).toEqual(['x']);
  });

  it('gives the same lines for every two-chunk split of bytes, inside emoji and CRLF too', async () => {
    const text = '\uFEFFhé 😀\r\n\r\n中文\n😀😀\r\nend 👩‍👩‍👧';
    for (const chunks of everySplit(utf8(text))) {
      expect(await collect(readLines(sourceOf(...chunks)))).toEqual(expectedLines(text));
    }
  });

  it('gives the same lines however bytes are chunked (property)', async () => {
    await fc.assert(
      fc.asyncProperty(trickyText, cutOffsets, async (text, offsets) => {
        const lines = await collect(readLines(sourceOf(...cutAt(utf8(text), offsets))));
        expect(lines).toEqual(expectedLines(text));
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same lines however text is chunked, even between surrogates (property)', async () => {
    await fc.assert(
      fc.asyncProperty(trickyText, cutOffsets, async (text, offsets) => {
        const cuts = [...new Set(offsets.map((o) => o % (text.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...cuts].map((cut, i) => text.slice(cut, [...cuts, text.length][i]));
        expect(await collect(readLines(sourceOf(...pieces)))).toEqual(expectedLines(text));
      }),
      { numRuns: 300 },
    );
  });

  it('accepts text and byte chunks mixed in one source', async () => {
    const lines = await collect(readLines(sourceOf('a', utf8('b\nc'), 'd\ne', utf8('😀'), '\n')));
    expect(texts(lines)).toEqual(['ab', 'cd', 'e😀']);
  });

  it('throws a CodecError naming the line that is not valid UTF-8', async () => {
    const bad = new Uint8Array([...utf8('ok\nok\nbad '), 0xff, ...utf8('\nok\n')]);
    const result = await collectUntilError(readLines(sourceOf(bad)));
    expect(result.at(-1)).toBe('CodecError: line 3: not valid UTF-8');
    expect(texts(result.slice(0, -1) as { text: string }[])).toEqual(['ok', 'ok']);
  });

  it('reports invalid UTF-8 on the first line of a chunk and a truncated character at the end', async () => {
    const first = new Uint8Array([0xc3, 0x28, 0x0a]);
    await expect(collect(readLines(sourceOf(utf8('x'), first)))).rejects.toThrow('line 1: not valid UTF-8');
    const truncated = new Uint8Array([...utf8('a\nb'), 0xf0, 0x9f]);
    await expect(collect(readLines(sourceOf(truncated)))).rejects.toThrow('line 2: not valid UTF-8');
  });

  it('reports held bytes that end mid-character when text follows them', async () => {
    const halfEuro = new Uint8Array([0x61, 0xe2, 0x82]);
    await expect(collect(readLines(sourceOf(halfEuro, 'b\n')))).rejects.toThrow('line 1: not valid UTF-8');
  });

  it('throws a CodecError with the line number for a line longer than maxLineBytes', async () => {
    const error = await collect(readLines(sourceOf('12345\n123456\n'), { maxLineBytes: 5 })).catch((e) => e);
    expect(error).toBeInstanceOf(CodecError);
    expect(error).toMatchObject({ line: 2, message: 'line 2: longer than 5 bytes' });
  });

  it('counts maxLineBytes in UTF-8 bytes, not characters', async () => {
    await expect(collect(readLines(sourceOf('ééé\n'), { maxLineBytes: 5 }))).rejects.toThrow(
      'line 1: longer than 5 bytes',
    );
    expect(texts(await collect(readLines(sourceOf('éé\r\n'), { maxLineBytes: 4 })))).toEqual(['éé']);
  });

  it('stops holding a long line before it ends when it arrives in many chunks', async () => {
    let pulled = 0;
    async function* endless() {
      yield 'short\n';
      for (;;) {
        pulled++;
        yield utf8('x'.repeat(1000));
      }
    }
    await expect(collect(readLines(endless(), { maxLineBytes: 10_000 }))).rejects.toThrow(
      'line 2: longer than 10000 bytes',
    );
    expect(pulled).toBe(11);
  });
});
