import { once } from 'node:events';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';

/**
 * The export's floor: one bare SELECT of the project's items joined with their annotations (the
 * rows the export is built from), in item order, streamed in this process to the same sink the
 * export's client writes to (/dev/null), one tab-separated line per (item, annotation) row. On
 * SQLite the rows come from better-sqlite3's iterate() on the bench's own connection; on
 * PostgreSQL PostgreSQL writes them itself (COPY … TO STDOUT). No HTTP, no users or labels, no
 * shaping into the export's lines. Prints the floor's rate and the real export's rate divided by it.
 */
export async function runExportFloor(run: StoreRun, realRate: number): Promise<void> {
  const size = run.options.size;
  progress(`${run.kind}: export floor, a bare select of ${size} items and their annotations`);
  const query = `select i.external_id, i.data, i.meta, a.answers from items i
    left join annotations a on a.item_id = i.id
    where i.project_id = ${Number(run.projectId)} order by i.id, a.id`;
  const client = run.store.kind === 'postgres' ? await run.store.pool.connect() : undefined;
  const started = performance.now();
  const rows =
    run.store.kind === 'sqlite'
      ? await selectSqlite(run.store.sqlite, query)
      : await copyPostgres(client!, query);
  const seconds = (performance.now() - started) / 1000;
  if (rows < size) throw new Error(`export floor read ${rows} rows for ${size} items`);
  const floor = size / seconds;
  run.report.add(`export.${run.kind}.floor_items_per_s`, floor, 'items/s');
  run.report.add(`export.${run.kind}.ratio_to_floor`, realRate / floor, 'ratio');
}

const PIECE = 64 * 1024;

async function selectSqlite(sqlite: SqliteDatabase.Database, query: string): Promise<number> {
  const out = fs.createWriteStream('/dev/null');
  let rows = 0;
  let text = '';
  for (const [ext, data, meta, answers] of sqlite.prepare(query).raw().iterate() as Iterable<string[]>) {
    text += `${ext}\t${data}\t${meta}\t${answers ?? '\\N'}\n`;
    rows += 1;
    if (text.length >= PIECE) {
      if (!out.write(text)) await once(out, 'drain');
      text = '';
    }
  }
  out.end(text);
  await once(out, 'close');
  return rows;
}

async function copyPostgres(client: pg.PoolClient, query: string): Promise<number> {
  let rows = 0;
  try {
    await pipeline(
      client.query(copyTo(`copy (${query}) to stdout`)),
      async function* countLines(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) rows += 1;
          yield chunk;
        }
      },
      fs.createWriteStream('/dev/null'),
    );
  } finally {
    client.release();
  }
  return rows;
}
