import { setImmediate as nextTurn } from 'node:timers/promises';
import type SqliteDatabase from 'better-sqlite3';
import type { Store } from '../db/store.ts';
import { sqliteQueries } from './exports.repository.ts';
import { type AnnotationRow, ItemPage, type ItemRow, type LineWriter, type SkipRow } from './format.ts';

/** ~4 ms of synchronous work a page here; other requests are served between pages. */
const PAGE = 1000;

/**
 * Writes a project's lines a page at a time, yielding after each page. Each page is read in one go,
 * synchronously, on the store's connection, taken through Kysely, so it never reads inside
 * another request's open write transaction; then a turn of the event loop lets others in.
 */
export async function* sqliteExport(
  store: Extract<Store, { kind: 'sqlite' }>,
  projectId: number,
  lines: LineWriter,
): AsyncGenerator<void> {
  const statements = prepared(store.sqlite);
  const page = new ItemPage();
  let after = 0;
  for (;;) {
    const count = await store.db.connection().execute(async () => {
      page.clear();
      for (const [id, head] of statements.items.all({ project: projectId, after, limit: PAGE }) as ItemRow[])
        page.add(id, head);
      if (page.size === 0) return 0;
      const last = page.lastId;
      lines.page(page);
      for (const row of statements.skips.all({ project: projectId, after, last }) as SkipRow[])
        lines.skip(row);
      const annotations = statements.annotations.all({ project: projectId, after, last });
      for (const row of annotations as AnnotationRow[]) lines.annotation(row);
      lines.endPage();
      after = last;
      return page.size;
    });
    if (count === 0) return;
    yield;
    if (count < PAGE) return;
    await nextTurn();
  }
}

const cache = new WeakMap<SqliteDatabase.Database, ReturnType<typeof prepare>>();

function prepared(sqlite: SqliteDatabase.Database) {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = prepare(sqlite);
    cache.set(sqlite, statements);
  }
  return statements;
}

/** Prepared once per connection; rows come back as arrays. */
function prepare(sqlite: SqliteDatabase.Database) {
  return {
    items: sqlite.prepare(sqliteQueries.items).raw(true),
    annotations: sqlite.prepare(sqliteQueries.annotations).raw(true),
    skips: sqlite.prepare(sqliteQueries.skips).raw(true),
  };
}
