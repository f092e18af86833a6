import type SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Store } from './connect.ts';
import type { Tx } from './transaction.ts';

export interface NewItemRow {
  projectId: number;
  externalId: string | null;
  data: string;
  meta: string;
  priority: number;
  rand: number;
  slotsLeft: number;
  createdAt: number;
}

/**
 * Inserts item rows and returns their ids in order: the one place import speed is won. SQLite
 * runs one prepared statement per row on the already-open transaction (no SQL text per row);
 * PostgreSQL reserves ids from the sequence, then inserts a whole batch through unnest().
 */
export async function insertItemRows(store: Store, tx: Tx, rows: NewItemRow[]): Promise<number[]> {
  if (rows.length === 0) return [];
  if (store.kind === 'sqlite') return insertSqlite(store.sqlite, rows);
  const idRows = await sql<{
    id: number;
  }>`select nextval(pg_get_serial_sequence('items', 'id')) as id from generate_series(1, ${rows.length})`.execute(
    tx,
  );
  const ids = idRows.rows.map((r) => Number(r.id));
  const col = <T>(f: (r: NewItemRow) => T) => rows.map(f);
  await sql`insert into items (id, project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at)
    select id, project_id, external_id, data, meta, priority, rand, slots_left, 0, created_at from unnest(
      ${ids}::bigint[], ${col((r) => r.projectId)}::bigint[], ${col((r) => r.externalId)}::text[], ${col((r) => r.data)}::text[],
      ${col((r) => r.meta)}::text[], ${col((r) => r.priority)}::int[], ${col((r) => r.rand)}::int[],
      ${col((r) => r.slotsLeft)}::int[], ${col((r) => r.createdAt)}::bigint[]
    ) as t(id, project_id, external_id, data, meta, priority, rand, slots_left, created_at)`.execute(tx);
  return ids;
}

const COLUMNS =
  'project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at';
const PER_STATEMENT = 100;

/**
 * Multi-row inserts, 100 rows a statement (far fewer statement runs than one per row). Rowids
 * of one statement are consecutive: the table has no AUTOINCREMENT and nobody else writes inside
 * this transaction, so the ids are the last one and the 99 before it.
 */
function insertSqlite(sqlite: SqliteDatabase.Database, rows: NewItemRow[]): number[] {
  const stmtFor = (n: number) =>
    sqlite.prepare(
      `insert into items (${COLUMNS}) values ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, 0, ?)').join(', ')}`,
    );
  const full = stmtFor(PER_STATEMENT);
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += PER_STATEMENT) {
    const chunk = rows.slice(i, i + PER_STATEMENT);
    const params: unknown[] = [];
    for (const r of chunk)
      params.push(r.projectId, r.externalId, r.data, r.meta, r.priority, r.rand, r.slotsLeft, r.createdAt);
    const stmt = chunk.length === PER_STATEMENT ? full : stmtFor(chunk.length);
    const last = Number(stmt.run(params).lastInsertRowid);
    for (let k = chunk.length - 1; k >= 0; k--) ids.push(last - k);
  }
  return ids;
}

/** Which of these external ids the project already holds. */
export async function existingExternalIds(tx: Tx, projectId: number, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .selectFrom('items')
    .select('externalId')
    .where('projectId', '=', projectId)
    .where('externalId', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.externalId!));
}
