import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema.ts';

export interface SqliteConnection {
  db: Kysely<Database>;
  sqlite: SqliteDatabase.Database;
  /** Resolves once every write made so far through `db` is on disk (see GroupSync). */
  flush(): Promise<void>;
}

/**
 * A connection to an SQLite file with the store's settings; no migration.
 *
 * `group` (the server's connection): commits do not fsync (`synchronous = NORMAL`, WAL mode),
 * so a commit never stalls the event loop on the disk; instead `flush` fsyncs the WAL once for
 * every commit made before it, off the event loop, and the server sends no reply before its
 * flush. An acknowledged write is as durable as with `synchronous = FULL`, and concurrent
 * requests share one fsync. `each` (the import worker, one large commit): `FULL`.
 */
export function openSqliteFile(file: string, sync: 'group' | 'each' = 'group'): SqliteConnection {
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma(`synchronous = ${sync === 'group' ? 'NORMAL' : 'FULL'}`);
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('foreign_keys = ON');
  // 16 MiB page cache: larger caches bought no speed in the benchmarks and cost peak memory.
  sqlite.pragma('cache_size = -16384');
  const group = new GroupSync(`${file}-wal`);
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({
      database: cachingStatements(
        sqlite,
        () => group.markDirty(),
        () => group.close(),
      ),
    }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, sqlite, flush: sync === 'group' ? () => group.flush() : async () => {} };
}

/**
 * Group commit for a connection in `synchronous = NORMAL`: counts writes as they run and fsyncs
 * the WAL file (fdatasync in the thread pool) on demand, one fsync covering every write counted
 * before it started. SQLite's own checkpoints sync the WAL before copying it back, so the
 * database stays consistent either way; this makes each acknowledged commit survive power loss.
 */
class GroupSync {
  private written = 0;
  private synced = 0;
  private running: Promise<void> | undefined;
  private handle: fs.promises.FileHandle | undefined;

  constructor(private readonly walPath: string) {}

  markDirty(): void {
    this.written += 1;
  }

  async flush(): Promise<void> {
    while (this.synced < this.written) {
      if (!this.running) {
        const target = this.written;
        this.running = this.syncWal()
          .then(() => {
            this.synced = Math.max(this.synced, target);
          })
          .finally(() => {
            this.running = undefined;
          });
      }
      await this.running;
    }
  }

  private async syncWal(): Promise<void> {
    this.handle ??= await fs.promises.open(this.walPath, 'r');
    await this.handle.datasync();
  }

  close(): void {
    void this.handle?.close();
    this.handle = undefined;
  }
}

/**
 * Kysely's SQLite driver prepares every statement on every call; preparing costs more than
 * running most of ours. The driver uses one connection and runs one statement at a time, so a
 * prepared statement can be reused safely; the cache is bounded (IN lists vary in length). The
 * driver runs a statement right after preparing it, so `onWrite` counts each write as it runs.
 */
function cachingStatements(
  sqlite: SqliteDatabase.Database,
  onWrite: () => void,
  onClose: () => void,
  max = 1000,
) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      onClose();
      sqlite.close();
    },
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = sqlite.prepare(sql);
        if (cache.size >= max) cache.delete(cache.keys().next().value!);
        cache.set(sql, stmt);
      }
      if (!stmt.reader) onWrite();
      return stmt;
    },
  };
}
