import { AppError } from './errors.ts';

/** Cursors are opaque to clients: base64url of the last row's sort key. */
export const encodeCursor = (key: number): string => Buffer.from(`k${key}`).toString('base64url');

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const text = Buffer.from(cursor, 'base64url').toString();
  const key = Number(text.slice(1));
  if (!text.startsWith('k') || !Number.isSafeInteger(key)) {
    throw new AppError('VALIDATION_FAILED', 'query.cursor: not a cursor this server issued', [
      { path: 'query.cursor', message: 'not a cursor this server issued' },
    ]);
  }
  return key;
}

export function pageOf<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
