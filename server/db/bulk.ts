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
  if (store.kind === 'sqlite') {
    const stmt = store.sqlite.prepare(
      'insert into items (project_id, external_id, data, meta, priority, rand, slots_left, submitted_count, created_at) values (?, ?, ?, ?, ?, ?, ?, 0, ?)',
    );
    return rows.map((r) =>
      Number(
        stmt.run(r.projectId, r.externalId, r.data, r.meta, r.priority, r.rand, r.slotsLeft, r.createdAt)
          .lastInsertRowid,
      ),
    );
  }
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
