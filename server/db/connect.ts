import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

export type StoreKind = 'sqlite' | 'postgres';

/** An open store: the Kysely handle plus the raw driver for the few dialect-specific fast paths. */
export type Store =
  | { kind: 'sqlite'; db: Kysely<Database>; sqlite: SqliteDatabase.Database; close(): Promise<void> }
  | { kind: 'postgres'; db: Kysely<Database>; pool: pg.Pool; close(): Promise<void> };

export interface StoreOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PostgreSQL schema to use (tests isolate runs by schema). */
  pgSchema?: string | undefined;
  poolSize?: number;
}

// int8 (bigint) arrives as a string by default; our ids and epoch-ms times fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openStore(opts: StoreOptions): Promise<Store> {
  const store = opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openSqlite(opts.dataDir);
  try {
    await migrateToLatest(store.db as unknown as Kysely<unknown>, store.kind);
  } catch (err) {
    await store.close();
    throw err;
  }
  return store;
}

function openSqlite(dataDir: string): Store {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new SqliteDatabase(path.join(dataDir, 'verity.db'));
  sqlite.pragma('journal_mode = WAL');
  // FULL: every acknowledged commit is fsynced, so a crash after a 2xx loses nothing.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // 16 MiB page cache: larger caches bought no speed in the benchmarks and cost peak memory.
  sqlite.pragma('cache_size = -16384');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: cachingStatements(sqlite) }),
    plugins: [new CamelCasePlugin()],
  });
  return { kind: 'sqlite', db, sqlite, close: () => db.destroy() };
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

function openPostgres(url: string, opts: StoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { kind: 'postgres', db, pool, close: () => db.destroy() };
}
