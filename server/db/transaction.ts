import { type Kysely, sql } from 'kysely';
import type { Store } from './connect.ts';
import type { Database } from './schema.ts';

export type Tx = Kysely<Database>;

/**
 * Runs `fn` in one write transaction. SQLite: BEGIN IMMEDIATE takes the write lock up front,
 * so read-then-write sequences (claiming an item) cannot interleave with another writer, in this
 * process or another. PostgreSQL: an ordinary transaction; callers lock rows they change.
 */
export async function writeTransaction<T>(store: Store, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (store.kind === 'postgres') {
    // A deadlock between two claims is resolved by PostgreSQL aborting one; run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.db.transaction().execute(fn);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw err;
      }
    }
  }
  return store.db.connection().execute(async (conn) => {
    await sql`begin immediate`.execute(conn);
    try {
      const result = await fn(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

/** Serialises one caller's concurrent requests on PostgreSQL (SQLite already serialises writers). */
export async function lockKey(store: Store, tx: Tx, a: number, b: number): Promise<void> {
  if (store.kind === 'postgres') await sql`select pg_advisory_xact_lock(${a}::int, ${b}::int)`.execute(tx);
}

/** A write transaction left open across calls; `end` commits or rolls back and frees the connection. */
export interface OpenTransaction {
  tx: Tx;
  end(commit: boolean): Promise<void>;
}

/**
 * Opens an SQLite write transaction (BEGIN IMMEDIATE) and keeps it open across calls, for work
 * that arrives piece by piece, such as an import's batches while the upload is still being read.
 */
export function openSqliteTransaction(db: Kysely<Database>): Promise<OpenTransaction> {
  return new Promise((resolveOpen, rejectOpen) => {
    let decide!: (commit: boolean) => void;
    const decided = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    let opened = false;
    const run = db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      opened = true;
      resolveOpen({
        tx: conn,
        end: async (commit) => {
          decide(commit);
          await run;
        },
      });
      if (!(await decided)) {
        await sql`rollback`.execute(conn);
        return;
      }
      try {
        await sql`commit`.execute(conn);
      } catch (err) {
        // A failed COMMIT can leave the transaction open (SQLite); never leave the connection in it.
        await sql`rollback`.execute(conn).catch(() => {});
        throw err;
      }
    });
    run.catch((err) => {
      if (!opened) rejectOpen(err);
    });
  });
}
