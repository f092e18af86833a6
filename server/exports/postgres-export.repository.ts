import type pg from 'pg';
import { streamRows } from '../db/raw-rows.ts';
import type { ExportMediaRow } from '../media/export-media.ts';
import { type ExportBinding, firstPageArgs } from './export-binding.ts';
import {
  type ExportParam,
  type ExportStatement,
  exportStatements,
  narrowsItems,
} from './exports.repository.ts';
import type { Page, PageSink, SkipRow } from './format.ts';

const PAGE = 5000;
/**
 * Records (the formats other than JSONL) hold a page's data as strings on the heap, two pages at
 * a time: smaller pages keep them short-lived, which cost less garbage collection than the
 * queries they add (1,000 here: some 1.5 us less CPU a pair than 5,000 in the preference bench).
 */
const RECORD_PAGE = 1000;

/**
 * Writes a project's lines a page at a time, yielding after each page. Rows are used as they
 * arrive, never collected into a result: collected, they lived long enough for the garbage
 * collector to copy them, which cost more than parsing them. The next page's items are read
 * while this page's annotations arrive, and no connection is held between pages, so a slow
 * reader never ties one up.
 */
export async function* postgresExport<P extends Page>(
  pool: pg.Pool,
  binding: ExportBinding,
  lines: PageSink<P>,
): AsyncGenerator<void> {
  const sql = exportStatements('postgres', binding.shape);
  const narrowed = narrowsItems(binding.shape);
  const size = binding.shape.rows === 'records' ? RECORD_PAGE : PAGE;
  const args = firstPageArgs(binding, size, (ids) => ids);
  const onAnnotation = (row: unknown[]) => lines.annotation(row);
  const onSkip = (row: SkipRow) => lines.skip(row);
  const onMedia = (row: ExportMediaRow) => lines.mediaRow?.(row);
  // Two pages: one being written while the next is read.
  let page = lines.newPage();
  let ahead = lines.newPage();
  let reading = readItems(pool, sql.items, values(sql.items, args), page);
  try {
    for (;;) {
      await reading;
      if (page.size === 0) return;
      args.last = page.lastId;
      if (narrowed) args.page = page.ids;
      const full = page.size === size;
      if (full) {
        ahead.clear();
        reading = readItems(pool, sql.items, values(sql.items, { ...args, after: args.last }), ahead);
      }
      lines.page(page);
      if (sql.skips) await streamRows(pool, sql.skips.text, values(sql.skips, args), onSkip);
      if (sql.media) await streamRows(pool, sql.media.text, values(sql.media, args), onMedia);
      await streamRows(pool, sql.annotations.text, values(sql.annotations, args), onAnnotation);
      lines.endPage();
      yield;
      if (!full) return;
      args.after = args.last;
      [page, ahead] = [ahead, page];
    }
  } finally {
    // Stopped early (the reader went away): let the page read ahead finish, so nothing outlives the export.
    await reading.catch(() => undefined);
  }
}

const values = (statement: ExportStatement, args: Record<ExportParam, unknown>) =>
  statement.names.map((name) => args[name]);

/** Reads a page of the project's items into `page`. */
function readItems(pool: pg.Pool, items: ExportStatement, params: unknown[], page: Page): Promise<void> {
  const read = streamRows<unknown[]>(pool, items.text, params, (row) => page.add(row));
  // Read ahead and awaited later, or never if the export stops first: never an unhandled rejection.
  read.catch(() => undefined);
  return read;
}
