import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvTransformer } from './csv.ts';
import { annotation, item, tutorInterface } from './testing.ts';

/** An RFC 4180 reader: CRLF rows, quoted fields with doubled quotes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      let j = i + 1;
      for (;;) {
        if (text[j] === '"' && text[j + 1] === '"') {
          field += '"';
          j += 2;
        } else if (text[j] === '"') break;
        else field += text[j++];
      }
      i = j + 1;
      continue;
    }
    if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
    i++;
  }
  expect(row).toEqual([]);
  return rows;
}

const run = (...items: ReturnType<typeof item>[]) => {
  const t = csvTransformer(tutorInterface);
  let text = t.header;
  for (const it of items) t.item(it, (line) => (text += line));
  return text;
};

describe('csv', () => {
  it('writes a header, then one row per annotation with a column per question', () => {
    const rows = readCsv(
      run(
        item([
          annotation({
            compare: { preferred: 'a', strength: 2 },
            note: 'fine, "really"',
            order: { order: [['w']] },
          }),
          annotation({ note: 'draft' }, { status: 'draft', submittedAt: null, annotator: 'Bo' }),
        ]),
      ),
    );
    const names = tutorInterface.questions.map((q) => q.name);
    expect(rows[0]).toEqual(['item_id', 'external_id', 'annotator', 'status', 'submitted_at', ...names]);
    const row = Object.fromEntries(rows[0]!.map((k, i) => [k, rows[1]![i]]));
    expect(row).toMatchObject({
      item_id: '17',
      external_id: 'ext-17',
      annotator: 'ada@example.org',
      status: 'submitted',
      submitted_at: '2026-12-01T09:30:00.000Z',
      compare: '{"preferred":"a","strength":2}',
      order: '{"order":[["w"]]}',
      note: 'fine, "really"',
      grade: '',
    });
    expect(rows[2]!.slice(0, 5)).toEqual(['17', 'ext-17', 'Bo', 'draft', '']);
    expect(rows).toHaveLength(3);
  });

  it('writes numbers and booleans as they are and guards text a spreadsheet would run', () => {
    const iface = { fields: [], questions: [{ name: 'n' }, { name: 'b' }, { name: 'f' }] };
    const t = csvTransformer(iface as never);
    let text = t.header;
    t.item(
      item([annotation({ n: -3.5, b: true, f: '=HYPERLINK("x")' }, { annotator: '@ada' })]),
      (l) => (text += l),
    );
    expect(readCsv(text)[1]).toEqual([
      '17',
      'ext-17',
      "'@ada",
      'submitted',
      '2026-12-01T09:30:00.000Z',
      '-3.5',
      'true',
      `'=HYPERLINK("x")`,
    ]);
  });

  it('reads back every text as written, however it is quoted (and guarded)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (note, annotator) => {
        const rows = readCsv(run(item([annotation({ note }, { annotator })])));
        const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
        expect(rows[1]![2]).toBe(guard(annotator));
        expect(rows[1]![5 + tutorInterface.questions.findIndex((q) => q.name === 'note')]).toBe(
          note === '' ? '' : guard(note),
        );
      }),
    );
  });
});
