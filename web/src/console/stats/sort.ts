import type { AnnotatorStats } from '../../../../core/api/stats.ts';

export type AnnotatorRow = AnnotatorStats;
export type SortKey = 'name' | 'submitted' | 'skipped' | 'activeMs' | 'medianMs' | 'lastActiveAt';
export interface Sort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

/** The direction a column sorts in when first chosen: names A to Z, numbers and times largest first. */
export const firstDir = (key: SortKey): Sort['dir'] => (key === 'name' ? 'asc' : 'desc');

/** Clicking a column: the same one flips its direction, another starts at its first direction. */
export const nextSort = (current: Sort, key: SortKey): Sort =>
  current.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: firstDir(key) };

/**
 * The rows in the order asked for; rows without a value (no median yet, never active) go last in
 * either direction, and ties keep the name order, so the table never shuffles between refreshes.
 */
export function sortRows(rows: readonly AnnotatorRow[], { key, dir }: Sort): AnnotatorRow[] {
  const byName = (a: AnnotatorRow, b: AnnotatorRow) => a.name.localeCompare(b.name) || a.userId - b.userId;
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (key === 'name') return sign * byName(a, b);
    const x = a[key];
    const y = b[key];
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return sign * order || byName(a, b);
  });
}
