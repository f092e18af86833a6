import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import type { Database } from './schema.ts';

/**
 * What an open store is, apart from how it is opened (connect.ts), so that the migrations and
 * the code they serve can name it without importing the code that runs them.
 */
export type StoreKind = 'sqlite' | 'postgres';

/** An open store: the Kysely handle plus the raw driver for the few dialect-specific fast paths. */
export type Store =
  | {
      kind: 'sqlite';
      db: Kysely<Database>;
      sqlite: SqliteDatabase.Database;
      /** The database file, for the import worker's own connection. */
      file: string;
      /** Runs `fn` when the store closes, before the connection does (e.g. to stop a worker). */
      onClose(fn: () => Promise<void>): void;
      close(): Promise<void>;
    }
  | { kind: 'postgres'; db: Kysely<Database>; pool: pg.Pool; close(): Promise<void> };
