import { describe, expect, it } from 'vitest';
import { ExportQuery, exportCommandArgs, exportQueryOf, parseExportTime } from './export-filters.ts';
import { EXPORT_FORMATS } from './export-formats.ts';

describe('parseExportTime', () => {
  it('reads a date as its UTC day, and a date-time with its offset', () => {
    expect(parseExportTime('2026-12-01', false)).toBe(Date.UTC(2026, 11, 1));
    expect(parseExportTime('2026-12-01', true)).toBe(Date.UTC(2026, 11, 2));
    expect(parseExportTime('2026-12-01T09:30Z', false)).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect(parseExportTime('2026-12-01T09:30:15.25+01:30', true)).toBe(Date.UTC(2026, 11, 1, 8, 0, 15, 250));
    expect(parseExportTime('2024-02-29', false)).toBe(Date.UTC(2024, 1, 29));
  });

  it('refuses days and times that do not exist, and date-times without an offset', () => {
    for (const text of [
      '2026-02-30',
      '2025-02-29',
      '2026-13-01',
      '2026-12-01T24:00Z',
      '2026-12-01T09:30',
      '1 Dec 2026',
      '',
    ])
      expect(parseExportTime(text, false), text).toBeUndefined();
  });
});

describe('ExportQuery', () => {
  const issue = (query: Record<string, string>) => {
    const r = ExportQuery.safeParse(query);
    return r.success ? undefined : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)[0];
  };

  it('takes the filters, ids sorted without repeats', () => {
    expect(
      ExportQuery.parse({ submitted: 'only', complete: 'only', ids: '9, 3,9', from: '2026-12-01' }),
    ).toEqual({
      format: 'jsonl',
      submitted: 'only',
      complete: 'only',
      ids: [3, 9],
      from: Date.UTC(2026, 11, 1),
    });
    expect(ExportQuery.parse({ format: 'preference', includeModels: 'true' }).includeModels).toBe(true);
    expect(ExportQuery.parse({ format: 'preference', includeModels: 'false' }).includeModels).toBe(false);
  });

  it('names the parameter that is wrong', () => {
    expect(issue({ submitted: 'yes' })).toMatch(/^submitted: /);
    expect(issue({ complete: 'true' })).toMatch(/^complete: /);
    expect(issue({ from: '2026-02-30' })).toBe(
      'from: "2026-02-30" is not an ISO 8601 date (2026-12-01) or date-time with an offset (2026-12-01T09:30:00Z)',
    );
    expect(issue({ from: '2026-12-02', to: '2026-12-01' })).toBe('to: must be later than from');
    expect(issue({ ids: '1,x' })).toBe('ids: "x" is not an item id');
    expect(issue({ ids: '1,,2' })).toBe('ids: an empty id in the list');
    expect(issue({ ids: '0' })).toBe('ids: "0" is not an item id');
    const many = Array.from({ length: 1001 }, (_, k) => k + 1).join(',');
    expect(issue({ ids: many })).toBe('ids: at most 1,000 item ids, got 1,001');
    expect(issue({ ids: many.slice(0, many.lastIndexOf(',')) })).toBeUndefined();
  });

  it('takes each format, pairs with the preference formats and a threshold with kto', () => {
    for (const format of EXPORT_FORMATS) expect(ExportQuery.parse({ format }).format).toBe(format);
    expect(ExportQuery.parse({ format: 'preference', pairs: 'adjacent' }).pairs).toBe('adjacent');
    expect(ExportQuery.parse({ format: 'openai-preference', pairs: 'all' }).pairs).toBe('all');
    for (const [text, value] of [
      ['0', 0],
      ['1', 1],
      ['0.75', 0.75],
      ['.5', 0.5],
      ['1.0', 1],
    ] as const)
      expect(ExportQuery.parse({ format: 'kto', threshold: text }).threshold).toBe(value);
  });

  it('names the parameter of a wrong format, pairs or threshold', () => {
    expect(issue({ format: 'parquet' })).toMatch(/^format: .*"preference-chat"/);
    expect(issue({ format: 'preference', pairs: 'some' })).toMatch(/^pairs: /);
    expect(issue({ format: 'kto', threshold: '1.5' })).toBe('threshold: "1.5" is not a number from 0 to 1');
    expect(issue({ format: 'kto', threshold: '-0.1' })).toBe('threshold: "-0.1" is not a number from 0 to 1');
    expect(issue({ format: 'kto', threshold: '' })).toBe('threshold: "" is not a number from 0 to 1');
    expect(issue({ format: 'kto', threshold: '1e-1' })).toBe('threshold: "1e-1" is not a number from 0 to 1');
    expect(issue({ format: 'jsonl', pairs: 'all' })).toBe(
      'pairs: applies to the formats preference, preference-chat, openai-preference, not jsonl',
    );
    expect(issue({ format: 'preference', threshold: '0.5' })).toBe(
      'threshold: applies to the format kto, not preference',
    );
  });
});

describe('the same export as a query and as a command', () => {
  it('writes the parameters and the flags of the choice, nothing for what is not chosen', () => {
    const choice = {
      submittedOnly: true,
      completeOnly: true,
      from: '2026-12-01',
      to: '2026-12-07',
      ids: [4, 7],
    };
    expect(exportQueryOf(choice)).toEqual({
      format: 'jsonl',
      submitted: 'only',
      complete: 'only',
      from: '2026-12-01',
      to: '2026-12-07',
      ids: '4,7',
    });
    expect(exportCommandArgs(3, choice)).toBe(
      'export --project 3 --submitted-only --complete-only --from 2026-12-01 --to 2026-12-07 --ids 4,7',
    );
    expect(exportQueryOf({})).toEqual({ format: 'jsonl' });
    expect(exportCommandArgs(3, {})).toBe('export --project 3');
  });

  it('takes nemoPer with nemo only', () => {
    expect(ExportQuery.parse({ format: 'nemo', nemoPer: 'file' }).nemoPer).toBe('file');
    const refused = ExportQuery.safeParse({ format: 'segments', nemoPer: 'file' });
    expect(refused.error?.issues[0]?.message).toBe('applies to the format nemo, not segments');
    expect(exportQueryOf({ format: 'nemo', nemoPer: 'file' })).toEqual({ format: 'nemo', nemoPer: 'file' });
    expect(exportQueryOf({ format: 'rttm', nemoPer: 'file' })).toEqual({ format: 'rttm' });
    expect(exportCommandArgs(3, { format: 'nemo', nemoPer: 'file' })).toBe(
      'export --project 3 --format nemo --nemo-per file',
    );
  });

  it('writes the format and its own options only', () => {
    const pairs = { format: 'preference', pairs: 'adjacent', threshold: 0.7 } as const;
    expect(exportQueryOf(pairs)).toEqual({ format: 'preference', pairs: 'adjacent' });
    expect(exportCommandArgs(3, pairs)).toBe('export --project 3 --format preference --pairs adjacent');
    const kto = { format: 'kto', pairs: 'all', threshold: 0.7 } as const;
    expect(exportQueryOf(kto)).toEqual({ format: 'kto', threshold: '0.7' });
    expect(exportCommandArgs(3, kto)).toBe('export --project 3 --format kto --threshold 0.7');
    expect(ExportQuery.safeParse(exportQueryOf(kto)).success).toBe(true);
  });

  it('writes the consensus for the formats made from it, and model judges only without it', () => {
    const sft = { format: 'sft', consensus: 'majority', includeModels: true } as const;
    expect(exportQueryOf(sft)).toEqual({ format: 'sft', consensus: 'majority' });
    expect(exportCommandArgs(3, sft)).toBe('export --project 3 --format sft --consensus majority');
    expect(ExportQuery.safeParse(exportQueryOf(sft)).success).toBe(true);
    const kto = { format: 'kto', consensus: 'majority' } as const;
    expect(exportQueryOf(kto)).toEqual({ format: 'kto' });
    expect(ExportQuery.safeParse({ format: 'kto', consensus: 'majority' }).error?.issues[0]?.message).toBe(
      'applies to the formats jsonl, sft, preference, preference-chat, openai-preference, not kto',
    );
    const both = ExportQuery.safeParse({
      format: 'preference',
      consensus: 'weighted',
      includeModels: 'true',
    });
    expect(both.error?.issues.map((i) => i.path.join('.'))).toEqual(['includeModels']);
  });
});
