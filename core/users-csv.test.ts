import { describe, expect, it } from 'vitest';
import { contractInstant, readUsersCsv } from './users-csv.ts';

describe('reading the onboarding CSV', () => {
  it('reads quoted fields, any column order, skills and projects with their roles', async () => {
    const { lines, errors } = await readUsersCsv(
      '\uFEFFprojects,Email,name,skills\r\n"7;Maths, hard:reviewer",A@Example.org,"Doe, Jane",math.algebra:2; code.python:1\r\n',
    );
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      {
        line: 2,
        email: 'a@example.org',
        name: 'Doe, Jane',
        role: undefined,
        skills: [
          { skill: 'math.algebra', level: 2 },
          { skill: 'code.python', level: 1 },
        ],
        projects: [
          { ref: '7', role: 'annotator' },
          { ref: 'Maths, hard', role: 'reviewer' },
        ],
        contractStart: undefined,
        contractEnd: undefined,
      },
    ]);
  });

  it('reports every problem of every line, and keeps the good lines for the store checks', async () => {
    const { lines, errors } = await readUsersCsv(
      [
        'email,name,role,skills,projects,contract_start,contract_end',
        'ok@example.org,Ok,,,,,',
        'x@example.org,X,boss,Math:2;physics,p:chief,2027-01-31,2027-01-30',
        'short@example.org,Short',
      ].join('\n'),
    );
    expect(lines.map((l) => l.email)).toEqual(['ok@example.org']);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [3, 'role'],
      [3, 'skills'],
      [3, 'skills'],
      [3, 'projects'],
      [3, 'contract_end'],
      [4, null],
    ]);
    expect(errors[5]!.message).toBe('has 2 fields; the header has 7');
  });

  it('needs a header with an email column, and at least one row', async () => {
    expect((await readUsersCsv('')).errors[0]!.message).toBe('the file is empty: give a header line');
    expect((await readUsersCsv('name\nA\n')).errors[0]!.message).toBe('the header must have an email column');
    expect((await readUsersCsv('email\n')).errors[0]!.message).toBe('the file has a header but no rows');
  });
});

describe('contract cells', () => {
  it('read a bare date as a whole UTC day: a start at its 00:00, an end at the next 00:00', () => {
    expect(contractInstant('2027-01-31', 'start')).toBe(Date.parse('2027-01-31T00:00:00Z'));
    expect(contractInstant('2027-01-31', 'end')).toBe(Date.parse('2027-02-01T00:00:00Z'));
  });
  it('keep a date-time with its offset, clear with none, and refuse local times and impossible dates', () => {
    expect(contractInstant('2027-01-31T09:00:00+01:00', 'start')).toBe(Date.parse('2027-01-31T08:00:00Z'));
    expect(contractInstant('NONE', 'end')).toBeNull();
    expect(contractInstant('2027-01-31T09:00:00', 'start')).toMatch(/must be a date/);
    expect(contractInstant('2027-02-29', 'start')).toBe('"2027-02-29" is not a calendar date');
  });
});
