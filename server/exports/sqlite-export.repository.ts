import { setImmediate as nextTurn } from 'node:timers/promises';
import { rawStatement } from '../db/raw-rows.ts';
import type { Store } from '../db/store.ts';
import type { ExportMediaRow } from '../media/export-media.ts';
import { type ExportBinding, firstPageArgs } from './export-binding.ts';
import { exportStatements, narrowsItems } from './exports.repository.ts';
import type { Page, PageSink, SkipRow } from './format.ts';

/** ~4 ms of synchronous work a page here; other requests are served between pages. */
const PAGE = 1000;

/**
 * Writes a project's lines a page at a time, yielding after each page. Each page is read in one go,
 * synchronously, on the store's connection, taken through Kysely, so it never reads inside
 * another request's open write transaction; then a turn of the event loop lets others in.
 */
export async function* sqliteExport<P extends Page>(
  store: Extract<Store, { kind: 'sqlite' }>,
  binding: ExportBinding,
  lines: PageSink<P>,
): AsyncGenerator<void> {
  const sql = exportStatements('sqlite', binding.shape);
  const statements = {
    items: rawStatement(store.sqlite, sql.items.text),
    annotations: rawStatement(store.sqlite, sql.annotations.text),
    skips: sql.skips && rawStatement(store.sqlite, sql.skips.text),
    media: sql.media && rawStatement(store.sqlite, sql.media.text),
  };
  const narrowed = narrowsItems(binding.shape);
  const args = firstPageArgs(binding, PAGE, (ids) => JSON.stringify(ids));
  const page = lines.newPage();
  for (;;) {
    const count = await store.db.connection().execute(async () => {
      page.clear();
      for (const row of statements.items.all(args) as unknown[][]) page.add(row);
      if (page.size === 0) return 0;
      args.last = page.lastId;
      if (narrowed) args.page = JSON.stringify(page.ids);
      lines.page(page);
      for (const row of (statements.skips?.all(args) ?? []) as SkipRow[]) lines.skip(row);
      for (const row of (statements.media?.all(args) ?? []) as ExportMediaRow[]) lines.mediaRow?.(row);
      for (const row of statements.annotations.all(args) as unknown[][]) lines.annotation(row);
      lines.endPage();
      args.after = args.last;
      return page.size;
    });
    if (count === 0) return;
    yield;
    if (count < PAGE) return;
    await nextTurn();
  }
}
