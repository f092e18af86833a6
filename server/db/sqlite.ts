import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

/** The size a restarted WAL file is cut back to. */
export const WAL_SIZE_LIMIT = 16 * 1024 * 1024;

export interface SqliteConnection {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
}

/** A connection to an SQLite file with the store's settings; no migration (the import worker's too). */
export function openSqliteFile(file: string): SqliteConnection {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  // FULL: every acknowledged commit is fsynced, so a crash after a 2xx loses nothing.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  // When the WAL starts over, a file grown past this is cut back to it (it is reused, not
  // truncated, otherwise); see startImportWorker for what makes it start over under load.
  sqlite.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  sqlite.pragma('foreign_keys = ON');
  // 16 MiB page cache: larger caches bought no speed in the benchmarks and cost peak memory.
  sqlite.pragma('cache_size = -16384');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, sqlite };
}

/**
 * The database holds password hashes and session data, so it is its owner's alone: created 0600,
 * and an existing file (with its -wal and -shm) tightened to 0600 on every start. SQLite gives the
 * -wal and -shm files it creates the mode of the database file.
 */
export function restrictToOwner(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      fs.chmodSync(f, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
}

/**
 * Kysely's SQLite driver prepares every statement on every call; preparing costs more than
 * running most of ours. The driver uses one connection and runs one statement at a time, so a
 * prepared statement can be reused safely; the cache is bounded (IN lists vary in length).
 */
function cachingStatements(sqlite: SqliteDatabase.Database, max = 1000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      return stmt;
    },
  };
}

/**
 * Copies the WAL's committed pages into the database file, without waiting for or blocking any
 * reader or writer (PASSIVE). Returns the bytes of log it found (not the file's size: a WAL
 * that starts over reuses its file); -1 if it could not run.
 */
export function passiveCheckpoint(sqlite: SqliteDatabase.Database): number {
  try {
    const [row] = sqlite.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
    const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
    // Each frame is a page plus its 24-byte header.
    return row ? row.log * (pageSize + 24) : -1;
  } catch {
    // A checkpoint another connection is running covers it.
    return -1;
  }
}

/** After a commit that leaves the WAL past this many pages, SQLite checkpoints it itself; 0: never. */
export function setAutoCheckpoint(sqlite: SqliteDatabase.Database, pages: number): void {
  sqlite.pragma(`wal_autocheckpoint = ${pages}`);
}

/** When the WAL starts over, a file grown past this many bytes is cut back to it. */
export function setJournalSizeLimit(sqlite: SqliteDatabase.Database, bytes: number): void {
  sqlite.pragma(`journal_size_limit = ${bytes}`);
}
