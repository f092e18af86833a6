import type { z } from 'zod';
import type { ItemSort } from '../../core/api/items.ts';
import { decodeCursor, encodeCursor } from '../http/cursor.ts';
import { AppError } from '../http/errors.ts';

type Sort = z.output<typeof ItemSort>;

/** Where a page of the item list starts: just past this (sort key, id), in the list's sort and order. */
export interface ItemKey {
  key: number | string;
  id: number;
}

/**
 * The list's cursors. Import order keeps the server's plain cursor (the last id); any other sort
 * carries its name, its order, the last row's sort key and id, so a cursor is refused by a list
 * in another sort or order rather than skipping or repeating rows.
 */
export function encodeItemCursor(sort: Sort, order: 'asc' | 'desc', last: ItemKey): string {
  if (sort === 'id') return encodeCursor(last.id);
  return Buffer.from(`s${JSON.stringify([sort, order, last.key, last.id])}`).toString('base64url');
}

export function decodeItemCursor(
  cursor: string | undefined,
  sort: Sort,
  order: 'asc' | 'desc',
): ItemKey | undefined {
  if (cursor === undefined) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString();
  if (!text.startsWith('s')) {
    if (sort !== 'id') throw otherSort(sort);
    const id = decodeCursor(cursor);
    return { key: id, id };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(1));
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) throw notACursor();
  const [s, o, key, id] = parsed as unknown[];
  const keyOk =
    s === 'externalId'
      ? typeof key === 'string'
      : s === 'disagreement'
        ? Number.isFinite(key)
        : Number.isSafeInteger(key);
  if (!keyOk || !Number.isSafeInteger(id)) throw notACursor();
  if (s !== sort || o !== order) throw otherSort(sort);
  return { key: key as number | string, id: id as number };
}

const notACursor = () => {
  const message = 'not a cursor this server issued';
  return new AppError('VALIDATION_FAILED', `query.cursor: ${message}`, [{ path: 'query.cursor', message }]);
};

const otherSort = (sort: Sort) => {
  const message = `a cursor of another sort or order; this list is sorted by ${sort}: start again without a cursor`;
  return new AppError('VALIDATION_FAILED', `query.cursor: ${message}`, [{ path: 'query.cursor', message }]);
};
