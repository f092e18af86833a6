import { describe, expect, it } from 'vitest';
import { agreementTable, formatCell, tableCsv, throughputTable } from './tables.ts';

describe('a dashboard table as CSV', () => {
  it('writes the column labels, then a row per day, and nothing for an undefined coefficient', () => {
    const table = agreementTable(
      7,
      [
        {
          question: 'topic',
          type: 'choice',
          coefficient: 'alpha nominal',
          points: [
            { day: '2026-01-06', items: 2, value: -0.125 },
            { day: '2026-01-05', items: 1, value: null },
          ],
        },
        {
          question: 'level',
          type: 'rating',
          coefficient: 'alpha ordinal',
          points: [{ day: '2026-01-06', items: 2, value: 0.5 }],
        },
      ],
      { topic: 'Topic, main' },
    );
    expect(table.fileName).toBe('project-7-agreement-by-day.csv');
    expect(tableCsv(table)).toBe(
      'day,items,"Topic, main (alpha nominal)",level (alpha ordinal)\r\n' +
        '2026-01-05,1,,\r\n' +
        '2026-01-06,2,-0.125,0.5\r\n',
    );
  });

  it('keeps full precision in the file and rounds on screen; a name that looks like a formula stays text', () => {
    const table = throughputTable(3, [
      {
        annotator: '=cmd@example.org',
        kind: 'human',
        submitted: 4,
        activeDays: 3,
        perActiveDay: 4 / 3,
        activeHours: 1,
        perHour: 4,
        gold: { n: 0, accuracy: null, interval: { low: 0, high: 1 } },
      },
    ]);
    const [, row] = tableCsv(table).split('\r\n');
    expect(row).toBe(`'=cmd@example.org,human,4,3,${4 / 3},1,4,0,,,`);
    expect(formatCell(table.rows[0]![4]!, 'rate')).toBe('1.33');
    expect(formatCell(null, 'coefficient')).toBe('—');
  });
});
