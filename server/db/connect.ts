import fs from 'node:fs';
import path from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';
import { openSqliteFile, restrictToOwner } from './sqlite.ts';
import type { Store } from './store.ts';

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
  // Owner-only: the folder holds the database, the server secret and import spools.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, 'verity.db');
  restrictToOwner(file);
  const { db, sqlite } = openSqliteFile(file);
  const closers: (() => Promise<void>)[] = [];
  return {
    kind: 'sqlite',
    db,
    sqlite,
    file,
    onClose: (fn) => closers.push(fn),
    close: async () => {
      for (const fn of closers.splice(0)) await fn();
      await db.destroy();
    },
  };
}

function openPostgres(url: string, opts: StoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolSize ?? 10,
    ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
  });
  pool.on('connect', preparingStatements);
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { kind: 'postgres', db, pool, close: () => db.destroy() };
}

/**
 * Runs the client's parameterised statements as named prepared statements, so PostgreSQL parses
 * and plans each distinct statement once per connection instead of on every call (the work
 * routes run ~10 short statements a request). Statements with many parameters (IN lists of
 * varying length) stay unnamed, which keeps the set per connection bounded.
 */
function preparingStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown> | undefined;
  const names = new Map<string, string>();
  let made = 0;
  (client as { query: unknown }).query = (...args: unknown[]) => {
    const [text, values] = args;
    if (typeof text !== 'string' || !Array.isArray(values) || values.length > 16 || args.length > 2)
      return query(...args);
    const run = () => {
      let name = names.get(text);
      if (!name) {
        name = `verity_${++made}`;
        names.set(text, name);
      }
      return query({ name, text, values }) as Promise<unknown>;
    };
    return run().catch((err: { code?: string }) => {
      // A table changed under a prepared statement (a migration by another process): prepare anew.
      if (err.code !== '0A000') throw err;
      names.clear();
      return run();
    });
  };
}

/**
 * A Kysely handle on one checked-out PostgreSQL client, for work that also needs the raw client
 * (an import's COPY) inside the same transaction. The caller begins, ends and releases.
 */
export function kyselyOnClient(client: pg.ClientBase): Kysely<Database> {
  const pool = {
    // Kysely only calls query() and release(); releasing is the caller's.
    connect: async () => ({ query: client.query.bind(client), release: () => {} }),
    end: async () => {},
  };
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool: pool as unknown as pg.Pool }),
    plugins: [new CamelCasePlugin()],
  });
}
