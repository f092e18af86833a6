import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvBatches, parseCsv } from './csv.ts';
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

const parse = (...chunks: (Uint8Array | string)[]) => collect(parseCsv(sourceOf(...chunks)));

function quoteField(value: string, always: boolean): string {
  const needsQuotes = /[",\r\n]/.test(value) || value.startsWith('\uFEFF') || value === '';
  return needsQuotes || always ? `"${value.replaceAll('"', '""')}"` : value;
}

describe('parseCsv', () => {
  it('splits records into values and numbers them by line', async () => {
    expect(await parse('a,b,c\n1,,3\n')).toEqual([
      { line: 1, values: ['a', 'b', 'c'] },
      { line: 2, values: ['1', '', '3'] },
    ]);
  });

  it('reads quoted fields with "" escapes, delimiters and newlines inside', async () => {
    const records = await parse('id,text\n1,"say ""hi"", then\nleave"\n2,"a\r\nb"\r\n3,last');
    expect(records).toEqual([
      { line: 1, values: ['id', 'text'] },
      { line: 2, values: ['1', 'say "hi", then\nleave'] },
      { line: 4, values: ['2', 'a\r\nb'] },
      { line: 6, values: ['3', 'last'] },
    ]);
  });

  it('handles CRLF, a BOM, a trailing delimiter and a final record without newline', async () => {
    const records = await parse(utf8('\uFEFFa,b\r\n1,\r\n"x",y'));
    expect(records.map((record) => record.values)).toEqual([
      ['a', 'b'],
      ['1', ''],
      ['x', 'y'],
    ]);
  });

  it('skips blank lines between records', async () => {
    const records = await parse('a\n\n\r\nb\n');
    expect(records).toEqual([
      { line: 1, values: ['a'] },
      { line: 4, values: ['b'] },
    ]);
  });

  it('takes another delimiter and rejects one that cannot work', async () => {
    expect(await collect(parseCsv(sourceOf('a;"b;c"\n'), { delimiter: ';' }))).toEqual([
      { line: 1, values: ['a', 'b;c'] },
    ]);
    await expect(collect(parseCsv(sourceOf('a'), { delimiter: '"' }))).rejects.toThrow(RangeError);
    await expect(collect(parseCsv(sourceOf('a'), { delimiter: ';;' }))).rejects.toThrow(RangeError);
  });

  it('reports an unterminated quote at the line where the field started', async () => {
    const result = await collectUntilError(parseCsv(sourceOf('a,b\n1,2\n3,"open\nstill\nopen')));
    expect(result.at(-1)).toBe('CodecError: line 3: unterminated quoted field');
  });

  it('reports a stray quote inside an unquoted field', async () => {
    await expect(parse('a,b\nx,y"z\n')).rejects.toThrow('line 2: unexpected quote in unquoted field');
  });

  it('reports text after a closing quote', async () => {
    await expect(parse('"a"b,c\n')).rejects.toThrow('line 1: unexpected character after a closing quote');
  });

  it('reports a multi-line record longer than maxRecordBytes at its first line', async () => {
    const lines = `a\n"${'x\n'.repeat(20)}"\n`;
    await expect(collect(parseCsv(sourceOf(lines), { maxRecordBytes: 30 }))).rejects.toThrow(
      'line 2: record longer than 30 bytes',
    );
  });

  it('drops a record that is too long and reads on after it', async () => {
    const batches = await collect(
      csvBatches(sourceOf(`a\n"${'x\n'.repeat(20)}",y\nb\n`), { maxRecordBytes: 30 }),
    );
    expect(batches.flat().map((record) => ('values' in record ? record : record.message))).toEqual([
      { line: 1, values: ['a'] },
      'line 2: record longer than 30 bytes',
      { line: 23, values: ['b'] },
    ]);
  });

  it('gives the same records for every two-chunk split, inside emoji and CRLF too', async () => {
    const text = '\uFEFFname,"note 😀"\r\n"é, ""q""","a\r\nb 中"\r\nx,😀😀\n';
    const whole = await parse(text);
    expect(whole).toEqual([
      { line: 1, values: ['name', 'note 😀'] },
      { line: 2, values: ['é, "q"', 'a\r\nb 中'] },
      { line: 4, values: ['x', '😀😀'] },
    ]);
    for (const chunks of everySplit(utf8(text))) expect(await parse(...chunks)).toEqual(whole);
  });

  it('reads back any records written with RFC 4180 quoting, however chunked (property)', async () => {
    const record = fc.array(fc.tuple(trickyText, fc.boolean()), { minLength: 1, maxLength: 5 });
    const file = fc.record({
      records: fc.array(fc.tuple(record, fc.constantFrom('\n', '\r\n')), { maxLength: 8 }),
      bom: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, cutOffsets, async ({ records, bom }, offsets) => {
        let text = bom ? '\uFEFF' : '';
        let line = 1;
        const expected = [];
        for (const [fields, newline] of records) {
          const row = fields.map(([value, always]) => quoteField(value, always)).join(',');
          expected.push({ line, values: fields.map(([value]) => value) });
          text += row + newline;
          line += row.split('\n').length;
        }
        expect(await parse(...cutAt(utf8(text), offsets))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});
