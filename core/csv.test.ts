import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv.ts';

describe('csvField', () => {
  it('leaves plain text and numbers as they are', () => {
    expect([csvField('Ada Lovelace'), csvField(42), csvField(''), csvField('a-b')]).toEqual([
      'Ada Lovelace',
      '42',
      '',
      'a-b',
    ]);
  });
  it('quotes a field with a comma, a quote or a line break, doubling its quotes', () => {
    expect([csvField('a,b'), csvField('say "hi"'), csvField('two\nlines'), csvField('cr\r')]).toEqual([
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '"cr\r"',
    ]);
  });
  it('prefixes a field a spreadsheet would run as a formula with a single quote', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\r=x'].map(csvField)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@A1",
      "'\tx",
      `"'\r=x"`,
    ]);
  });
  it('ends every row with CRLF', () => {
    expect(
      csvDocument([
        ['a', 'b'],
        [1, '=2'],
      ]),
    ).toBe("a,b\r\n1,'=2\r\n");
  });
});
