import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type SqliteDatabase from 'better-sqlite3';
import { type Selectable, sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type ItemsTable, NO_RANDOM_KEY } from './schema.ts';
import type { Tx } from './transaction.ts';

/**
 * An item row as the import writes it: every column but those the store fills in, and the words
 * it is found by (core/search-words.ts itemSearchText), which go to the store's search index.
 */
export type NewItemRow = Omit<
  Selectable<ItemsTable>,
  'id' | 'submittedCount' | 'disagreement' | 'target' | 'skillProfileId'
> & {
  searchWords: string;
};

/**
 * An item's random-order key: drawn from 1..2^31−1 in random-order projects, NO_RANDOM_KEY in
 * sequential ones, whose items the random-order index leaves out (see migration 0003).
 */
export const randomKey = (order: 'sequential' | 'random'): number =>
  order === 'random' ? 1 + Math.floor(Math.random() * 2147483646) : NO_RANDOM_KEY;

/** Where bulk rows go: the raw connection `tx` runs on. */
export type BulkTarget =
  | { kind: 'sqlite'; sqlite: SqliteDatabase.Database }
  | { kind: 'postgres'; client: pg.ClientBase };

/**
 * Inserts item rows and returns their ids in order: the one place import speed is won. A row
 * whose external id the project already holds (the unique index says so, including a row
 * earlier in the same import) is not inserted and gets `null`.
 */
export async function insertItemRows(
  target: BulkTarget,
  tx: Tx,
  rows: NewItemRow[],
): Promise<(number | null)[]> {
  if (rows.length === 0) return [];
  if (target.kind === 'sqlite') return insertSqlite(target.sqlite, rows);
  return insertPostgres(tx, rows);
}

/**
 * PostgreSQL: ids reserved from the sequence first, so each row's id is known whether or not it is
 * inserted; then the whole batch in one statement through unnest(), skipping taken ids.
 */
async function insertPostgres(tx: Tx, rows: NewItemRow[]): Promise<(number | null)[]> {
  const idRows = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('items', 'id')) as id from generate_series(1, ${rows.length})`.execute(
    tx,
  );
  const ids = idRows.rows.map((r) => Number(r.id));
  const col = <T>(f: (r: NewItemRow) => T) => rows.map(f);
  const inserted = await sql<{
    id: number;
  }>`insert into items (id, project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at, search_words, awaiting)
    select id, project_id, external_id, data, meta, priority, rand, slots_left, 0, created_at, search_words::tsvector, awaiting from unnest(
      ${ids}::bigint[], ${col((r) => r.projectId)}::bigint[], ${col((r) => r.externalId)}::text[], ${col((r) => r.data)}::text[],
      ${col((r) => r.meta)}::text[], ${col((r) => r.priority)}::int[], ${col((r) => r.rand)}::int[],
      ${col((r) => r.slotsLeft)}::int[], ${col((r) => r.createdAt)}::bigint[], ${col((r) => r.searchWords)}::text[],
      ${col((r) => r.awaiting)}::int[]
    ) as t(id, project_id, external_id, data, meta, priority, rand, slots_left, created_at, search_words, awaiting)
    on conflict (project_id, external_id) where external_id is not null do nothing
    returning id`.execute(tx);
  if (inserted.rows.length === rows.length) return ids;
  const kept = new Set(inserted.rows.map((r) => Number(r.id)));
  return ids.map((id) => (kept.has(id) ? id : null));
}

const COLUMNS =
  'project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at, awaiting';

/**
 * PostgreSQL's fastest way in: one COPY that stays open while batches of rows are written into
 * it, so the server inserts one batch while the next is being read and validated. It returns no
 * ids and does not check for taken external ids: a taken id fails the COPY (unique_violation,
 * 23505) and with it the transaction, and the import then starts over with insertItemRows, which
 * finds and names them. The connection runs nothing else until the COPY is ended or aborted.
 */
export class ItemCopy {
  private readonly stream: Writable;
  /** Settles when the server has taken (or refused) every row: CommandComplete, or an error. */
  private readonly settled: Promise<void>;
  private failure: { error: unknown } | undefined;
  private ended = false;

  constructor(client: pg.ClientBase) {
    this.stream = client.query(copyFrom(`copy items (${COLUMNS}, search_words) from stdin`));
    this.settled = new Promise<void>((resolve, reject) => {
      this.stream.on('finish', resolve);
      this.stream.on('error', (error) => {
        this.failure ??= { error };
        reject(error);
        // The stream would otherwise go on handing queued rows to a connection it has let go of.
        process.nextTick(() => this.stream.destroy());
      });
    });
    // Awaited by end() or abort(); never an unhandled rejection in between.
    this.settled.catch(() => undefined);
  }

  /**
   * Sends rows; the promise settles once the connection can take more (so a server slower than
   * the reader holds the reader back, and no more than a socket's worth waits in memory), or
   * rejects with the COPY's error if the server has refused it.
   */
  write(rows: NewItemRow[]): Promise<void> {
    // Not async, and never throwing: nothing of `rows` is kept while the connection drains.
    if (this.failure) return Promise.reject(this.failure.error);
    if (this.ended) return Promise.reject(new Error('COPY already ended'));
    let text = '';
    let ok = true;
    for (const r of rows) {
      const ext = r.externalId === null ? '\\N' : copyField(r.externalId);
      text += `${r.projectId}\t${ext}\t${copyField(r.data)}\t${copyField(r.meta)}\t${r.priority}\t${r.rand}\t${r.slotsLeft}\t0\t${r.createdAt}\t${r.awaiting}\t${r.searchWords}\n`;
      // Sent in blocks under 128 KB, which V8 keeps in its young generation.
      if (text.length >= COPY_BLOCK_BYTES) {
        ok = this.stream.write(text);
        text = '';
      }
    }
    if (text !== '') ok = this.stream.write(text);
    return ok ? Promise.resolve() : this.drained();
  }

  private async drained(): Promise<void> {
    // After an error no 'drain' comes: the settled promise's rejection ends the wait instead.
    await Promise.race([once(this.stream, 'drain'), this.settled]);
    this.throwIfFailed();
  }

  /** Ends the COPY and waits until the server has inserted every row, or throws its error. */
  async end(): Promise<void> {
    if (!this.ended && !this.failure) {
      this.ended = true;
      this.stream.end();
    }
    await this.settled;
  }

  /**
   * Gives the COPY up (CopyFail) and waits until the server has answered, so the connection can
   * roll back. The transaction is failed either way.
   */
  async abort(): Promise<void> {
    if (this.failure) return;
    if (this.ended) {
      await this.settled.catch(() => undefined);
      return;
    }
    this.ended = true;
    await new Promise<void>((resolve) => {
      // destroy() sends CopyFail; the stream reports the server's ErrorResponse by 'close'.
      this.stream.once('close', () => resolve());
      this.stream.destroy(new Error('import abandoned'));
    });
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}

const COPY_BLOCK_BYTES = 32 * 1024;
const COPY_SPECIAL = /[\\\t\n\r]/g;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
const copyField = (v: string): string =>
  v.search(COPY_SPECIAL) === -1 ? v : v.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]!);
const PER_STATEMENT = 100;

/**
 * SQLite: multi-row inserts, 100 rows a statement (far fewer statement runs than one per row).
 * Rowids of one statement are consecutive: the table has no AUTOINCREMENT and nobody else writes
 * inside this transaction, so the ids are the last one and the 99 before it. A statement that
 * meets a taken external id is undone by SQLite alone; its rows are then inserted one by one.
 */
function insertSqlite(sqlite: SqliteDatabase.Database, rows: NewItemRow[]): (number | null)[] {
  const full = cachedInsert(sqlite, PER_STATEMENT);
  const ids: (number | null)[] = [];
  const params: unknown[] = new Array(PER_STATEMENT * 9);
  for (let i = 0; i < rows.length; i += PER_STATEMENT) {
    const n = Math.min(PER_STATEMENT, rows.length - i);
    const args = n === PER_STATEMENT ? params : [];
    let k = 0;
    for (let j = i; j < i + n; j++) {
      const r = rows[j]!;
      args[k++] = r.projectId;
      args[k++] = r.externalId;
      args[k++] = r.data;
      args[k++] = r.meta;
      args[k++] = r.priority;
      args[k++] = r.rand;
      args[k++] = r.slotsLeft;
      args[k++] = r.createdAt;
      args[k++] = r.awaiting;
    }
    const stmt = n === PER_STATEMENT ? full : cachedInsert(sqlite, n);
    let last: number;
    try {
      last = Number(stmt.run(args).lastInsertRowid);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      for (let j = i; j < i + n; j++) ids.push(insertOne(sqlite, rows[j]!));
      continue;
    }
    for (let k = n - 1; k >= 0; k--) ids.push(last - k);
  }
  indexSqlite(sqlite, rows, ids);
  return ids;
}

/** The inserted rows' words into the search table (migration 0009), 100 rows a statement. */
function indexSqlite(sqlite: SqliteDatabase.Database, rows: NewItemRow[], ids: (number | null)[]): void {
  const args: unknown[] = [];
  const flush = () => {
    if (args.length === 0) return;
    cachedStatement(sqlite, 'search', args.length / 2).run(args);
    args.length = 0;
  };
  rows.forEach((r, i) => {
    const id = ids[i];
    if (id === null || id === undefined) return;
    args.push(id, r.searchWords);
    if (args.length === PER_STATEMENT * 2) flush();
  });
  flush();
}

function insertOne(sqlite: SqliteDatabase.Database, r: NewItemRow): number | null {
  try {
    const args = [
      r.projectId,
      r.externalId,
      r.data,
      r.meta,
      r.priority,
      r.rand,
      r.slotsLeft,
      r.createdAt,
      r.awaiting,
    ];
    return Number(cachedInsert(sqlite, 1).run(args).lastInsertRowid);
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';

const insertStatement = (sqlite: SqliteDatabase.Database, table: 'items' | 'search', n: number) =>
  table === 'items'
    ? sqlite.prepare(
        `insert into items (${COLUMNS}) values ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, 0, ?, ?)').join(', ')}`,
      )
    : sqlite.prepare(`insert into items_search (rowid, words) values ${Array(n).fill('(?, ?)').join(', ')}`);

/** Insert statements by table and row count, prepared once per connection (at most PER_STATEMENT each). */
const statements = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();
function cachedStatement(
  sqlite: SqliteDatabase.Database,
  table: 'items' | 'search',
  n: number,
): SqliteDatabase.Statement {
  let byCount = statements.get(sqlite);
  if (!byCount) {
    byCount = new Map();
    statements.set(sqlite, byCount);
  }
  const key = `${table}:${n}`;
  let stmt = byCount.get(key);
  if (!stmt) {
    stmt = insertStatement(sqlite, table, n);
    byCount.set(key, stmt);
  }
  return stmt;
}
const cachedInsert = (sqlite: SqliteDatabase.Database, n: number) => cachedStatement(sqlite, 'items', n);

/** The ids of the items holding these external ids in the project. */
export async function itemIdsByExternalId(
  tx: Tx,
  projectId: number,
  externalIds: string[],
): Promise<Map<string, number>> {
  if (externalIds.length === 0) return new Map();
  const rows = await tx
    .selectFrom('items')
    .select(['id', 'externalId'])
    .where('projectId', '=', projectId)
    .where('externalId', 'in', externalIds)
    .execute();
  return new Map(rows.map((r) => [r.externalId!, r.id]));
}
