import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

/**
 * A handle on the store (the pool, one connection, or a transaction). A function that takes a
 * `Db` runs its statements on their own; it asks for nothing about transactions.
 */
export type Db = Kysely<Database>;

declare const inTransaction: unique symbol;
/**
 * A handle inside an open write transaction (writeTransaction, openSqliteTransaction): a function
 * that takes a `Tx` may rely on its statements committing or rolling back together, and on the
 * write lock (SQLite) or row locks (PostgreSQL) taken before it.
 */
export type Tx = Db & { readonly [inTransaction]: true };

/**
 * Runs `fn` in one write transaction. SQLite: BEGIN IMMEDIATE takes the write lock up front,
 * so read-then-write sequences (claiming an item) cannot interleave with another writer, in this
 * process or another. PostgreSQL: an ordinary transaction; callers lock rows they change.
 */
export async function writeTransaction<T>(
  store: Store,
  fn: (tx: Tx) => Promise<T>,
  options: WriteOptions = {},
): Promise<T> {
  const durable = options.durable ?? true;
  if (store.kind === 'postgres') {
    const first = firstStatement(durable, options.serializeOn);
    const body = async (trx: Db) => {
      const tx = trx as Tx;
      if (first) await first.execute(tx);
      return fn(tx);
    };
    // A deadlock between two claims is resolved by PostgreSQL aborting one; run it again.
    for (let attempt = 1; ; attempt++) {
      try {
        return await store.db.transaction().execute(body);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw err;
      }
    }
  }
  return store.db.connection().execute(async (conn) => {
    // The connection runs one task at a time, so the setting holds for exactly this transaction.
    if (!durable) await sql`pragma synchronous = normal`.execute(conn);
    try {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await fn(conn as Tx);
        await sql`commit`.execute(conn);
        return result;
      } catch (err) {
        await sql`rollback`.execute(conn);
        throw err;
      }
    } finally {
      if (!durable) await sql`pragma synchronous = full`.execute(conn);
    }
  });
}

/** PostgreSQL: both settings in the transaction's first statement, since each is a round trip. */
function firstStatement(durable: boolean, key: WriteOptions['serializeOn']) {
  const lazy = sql`set_config('synchronous_commit', 'off', true)`;
  if (key) {
    const lock = sql`pg_advisory_xact_lock(${key[0]}::int, ${key[1]}::int)`;
    return durable ? sql`select ${lock}` : sql`select ${lazy}, ${lock}`;
  }
  return durable ? undefined : sql`select ${lazy}`;
}

/**
 * Inside a write transaction, serialises it also with every transaction opened with one of these
 * `serializeOn` keys (a bulk action on items with the work of each annotator it touches).
 * PostgreSQL takes the advisory locks in ascending order, as every caller must, so two such
 * transactions never wait on each other in a circle; SQLite already serialises writers.
 */
export async function serializeAlso(
  store: Store,
  tx: Tx,
  keys: readonly (readonly [number, number])[],
): Promise<void> {
  if (store.kind !== 'postgres') return;
  const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [a, b] of sorted) await sql`select pg_advisory_xact_lock(${a}::int, ${b}::int)`.execute(tx);
}

export interface WriteOptions {
  /**
   * Whether the commit waits until the transaction is on disk (default true). A transaction that
   * only moves lock state (claiming, renewing or expiring a claim) passes false: it is as safe from
   * a crash of the server process as any other, since the operating system holds what was
   * written, and only a power loss or kernel crash can undo it, which leaves the item unclaimed,
   * as if the lock had expired. Every later durable commit (a draft, a submit) makes it durable
   * too: SQLite's WAL and PostgreSQL's log are flushed in order. PostgreSQL sets it for the
   * transaction only, so the pooled connection waits again afterwards.
   */
  durable?: boolean;
  /**
   * Serialises transactions with the same key, e.g. one caller's requests in one project:
   * PostgreSQL takes a transaction-scoped advisory lock on it first. SQLite already serialises
   * writers.
   */
  serializeOn?: readonly [number, number];
}

/** A write transaction left open across calls; `end` commits or rolls back and frees the connection. */
export interface OpenTransaction {
  tx: Tx;
  end(commit: boolean): Promise<void>;
}

/**
 * Opens an SQLite write transaction (BEGIN IMMEDIATE) and keeps it open across calls, for work
 * that arrives in steps, such as an import's stretches while the upload is still being read.
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
        tx: conn as Tx,
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
