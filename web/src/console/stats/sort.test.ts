import { describe, expect, it } from 'vitest';
import { type AnnotatorRow, nextSort, sortRows } from './sort.ts';

const row = (userId: number, name: string, more: Partial<AnnotatorRow> = {}): AnnotatorRow => ({
  userId,
  name,
  email: null,
  kind: 'human',
  submitted: 0,
  skipped: 0,
  activeMs: 0,
  medianMs: null,
  lastActiveAt: null,
  ...more,
});

const rows = [
  row(1, 'Cleo', { submitted: 5, medianMs: 3000, lastActiveAt: '2026-01-05T10:00:00.000Z' }),
  row(2, 'Ada', { submitted: 5, medianMs: 1000, lastActiveAt: '2026-01-06T10:00:00.000Z' }),
  row(3, 'Bo'),
];
const names = (r: AnnotatorRow[]) => r.map((x) => x.name);

describe('sortRows', () => {
  it('sorts by name either way', () => {
    expect(names(sortRows(rows, { key: 'name', dir: 'asc' }))).toEqual(['Ada', 'Bo', 'Cleo']);
    expect(names(sortRows(rows, { key: 'name', dir: 'desc' }))).toEqual(['Cleo', 'Bo', 'Ada']);
  });
  it('breaks ties by name', () => {
    expect(names(sortRows(rows, { key: 'submitted', dir: 'desc' }))).toEqual(['Ada', 'Cleo', 'Bo']);
  });
  it('puts rows without a value last in both directions', () => {
    expect(names(sortRows(rows, { key: 'medianMs', dir: 'asc' }))).toEqual(['Ada', 'Cleo', 'Bo']);
    expect(names(sortRows(rows, { key: 'medianMs', dir: 'desc' }))).toEqual(['Cleo', 'Ada', 'Bo']);
    expect(names(sortRows(rows, { key: 'lastActiveAt', dir: 'desc' }))).toEqual(['Ada', 'Cleo', 'Bo']);
  });
});

describe('nextSort', () => {
  it('flips the chosen column and starts another at its natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'submitted')).toEqual({ key: 'submitted', dir: 'desc' });
  });
});
