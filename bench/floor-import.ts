import { once } from 'node:events';
import fs from 'node:fs';
import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { itemSearchText } from '../core/search-words.ts';
import { NO_RANDOM_KEY } from '../server/db/schema.ts';
import type { Store } from '../server/db/store.ts';
import type { StoreRun } from './context.ts';
import { progress } from './report.ts';
import { OVERLAP } from './setup.ts';
import { preparePostgres, prepareSqlite } from './stores.ts';

/**
 * The import's floor: the same file put into the items table of a fresh store (same schema,
 * same connection settings) by the least code that can do it, in this process, with no HTTP,
 * validation or spool. Each line is JSON.parse'd, its data and meta written back as JSON text,
 * and the row inserted with the columns the real import writes, its search words included
 * (core/search-words.ts; on SQLite into the items_search table): on SQLite 100 rows a prepared
 * statement, on PostgreSQL one COPY FROM STDIN; one transaction, committed. Prints the floor's
 * rate and the real import's rate divided by it.
 */
export async function runImportFloor(run: StoreRun, itemsFile: string, realRate: number): Promise<void> {
  const size = run.options.size;
  const prepared = run.kind === 'sqlite' ? prepareSqlite() : await preparePostgres(run.options.pgUrl);
  if ('unreachable' in prepared) throw new Error(`import floor: ${prepared.unreachable}`);
  try {
    const store = await prepared.open();
    try {
      const projectId = await bareProject(store);
      progress(`${run.kind}: import floor, ${size} items into a fresh store`);
      const client = store.kind === 'postgres' ? await store.pool.connect() : undefined;
      const started = performance.now();
      const rows =
        store.kind === 'sqlite'
          ? await insertSqlite(store.sqlite, itemsFile, projectId)
          : await copyPostgres(client!, itemsFile, projectId);
      const seconds = (performance.now() - started) / 1000;
      if (rows !== size) throw new Error(`import floor stored ${rows} of ${size} items`);
      const floor = size / seconds;
      run.report.add(`import.${run.kind}.floor_items_per_s`, floor, 'items/s');
      run.report.add(`import.${run.kind}.ratio_to_floor`, realRate / floor, 'ratio');
    } finally {
      await store.close();
    }
  } finally {
    await prepared.cleanup();
  }
}

/** A user and a project written straight into the store: the rows the items refer to. */
async function bareProject(store: Store): Promise<number> {
  const now = Date.now();
  const user = await sql<{ id: number }>`insert into users (name, role, status, created_at)
    values ('floor', 'admin', 'active', ${now}) returning id`.execute(store.db);
  const project = await sql<{ id: number }>`insert into projects (name, interface, guidelines, overlap,
      lock_ttl_seconds, item_order, allow_edit_submitted, created_by, created_at, updated_at)
    values ('floor', '{}', '', ${OVERLAP}, 600, 'sequential', 0, ${user.rows[0]!.id}, ${now}, ${now})
    returning id`.execute(store.db);
  return Number(project.rows[0]!.id);
}

interface Line {
  id: string;
  data: unknown;
  meta?: unknown;
  priority?: number;
}

/** Calls `each` with every parsed line of the file, a chunk's lines at a time (awaiting `each`). */
async function eachLine(file: string, each: (lines: Line[]) => unknown): Promise<void> {
  let rest = '';
  for await (const chunk of fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 })) {
    const text = rest + (chunk as string);
    const end = text.lastIndexOf('\n');
    rest = text.slice(end + 1);
    if (end === -1) continue;
    const lines = text.slice(0, end).split('\n');
    await each(lines.map((l) => JSON.parse(l) as Line));
  }
  if (rest.trim() !== '') await each([JSON.parse(rest) as Line]);
}

const COLUMNS =
  'project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at';
const PER_STATEMENT = 100;

async function insertSqlite(
  sqlite: SqliteDatabase.Database,
  file: string,
  projectId: number,
): Promise<number> {
  const statement = (n: number) =>
    sqlite.prepare(
      `insert into items (${COLUMNS}) values ${Array(n).fill(`(?, ?, ?, ?, ?, ${NO_RANDOM_KEY}, ${OVERLAP}, 0, ?)`).join(', ')}`,
    );
  const searchStatement = (n: number) =>
    sqlite.prepare(`insert into items_search (rowid, words) values ${Array(n).fill('(?, ?)').join(', ')}`);
  const full = statement(PER_STATEMENT);
  const fullSearch = searchStatement(PER_STATEMENT);
  const now = Date.now();
  let params: unknown[] = [];
  let words: string[] = [];
  let rows = 0;
  const flush = () => {
    const n = params.length / 6;
    if (n > 0) {
      const last = Number((n === PER_STATEMENT ? full : statement(n)).run(params).lastInsertRowid);
      const search: unknown[] = [];
      for (const [i, w] of words.entries()) search.push(last - n + 1 + i, w);
      (n === PER_STATEMENT ? fullSearch : searchStatement(n)).run(search);
    }
    rows += n;
    params = [];
    words = [];
  };
  sqlite.exec('begin');
  try {
    await eachLine(file, (lines) => {
      for (const l of lines) {
        params.push(
          projectId,
          l.id,
          JSON.stringify(l.data),
          JSON.stringify(l.meta ?? {}),
          l.priority ?? 0,
          now,
        );
        words.push(itemSearchText(l.data, l.id));
        if (params.length === PER_STATEMENT * 6) flush();
      }
    });
    flush();
    sqlite.exec('commit');
  } catch (err) {
    sqlite.exec('rollback');
    throw err;
  }
  return rows;
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const field = (v: string): string => v.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]!);

async function copyPostgres(client: pg.PoolClient, file: string, projectId: number): Promise<number> {
  const now = Date.now();
  let rows = 0;
  try {
    await client.query('begin');
    const copy = client.query(copyFrom(`copy items (${COLUMNS}, search_words) from stdin`));
    const done = new Promise<void>((resolve, reject) => {
      copy.on('finish', resolve);
      copy.on('error', reject);
    });
    await eachLine(file, async (lines) => {
      let text = '';
      for (const l of lines) {
        const data = field(JSON.stringify(l.data));
        const meta = field(JSON.stringify(l.meta ?? {}));
        text += `${projectId}\t${field(l.id)}\t${data}\t${meta}\t${l.priority ?? 0}\t${NO_RANDOM_KEY}\t${OVERLAP}\t0\t${now}\t${itemSearchText(l.data, l.id)}\n`;
      }
      rows += lines.length;
      if (!copy.write(text)) await Promise.race([once(copy, 'drain'), done]);
    });
    copy.end();
    await done;
    await client.query('commit');
  } catch (err) {
    await client.query('rollback').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  return rows;
}
