import { setImmediate as nextTurn } from 'node:timers/promises';
import type pg from 'pg';
import { rawStatement, streamRows } from '../db/raw-rows.ts';
import type { Store } from '../db/store.ts';

/**
 * One annotation as the quality reports read it: `[itemId, userId, status, answers, submittedAt]`,
 * the answers as stored (JSON text), then, per `dataFields`, that field of the item as JSON text
 * (or null).
 */
export type AnswerRow = [number, number, string, string, number | null, ...(string | null)[]];

export interface AnswerRowsQuery {
  projectId: number;
  /** Item fields read with each row (a pairwise question's candidates); most reports need none. */
  dataFields?: readonly string[];
  /** Rows per read on SQLite, where each read is synchronous (other requests run between reads). */
  rows?: number;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const SQLITE_ROWS = 20_000;

/**
 * Every annotation of a project, drafts included (a condition on the status lets the planner leave
 * the (project, item, id) index and sort the project), in item then id order, handed to `onRow`
 * one at a time as an array. SQLite reads keyset pages of `rows`; PostgreSQL streams one query.
 * The answers come as stored: extracting the measured questions in SQL was measured slower than
 * parsing the text in the server (SQLite's JSON functions and PostgreSQL's jsonb cast cost more
 * than V8's JSON.parse; docs/quality.md, "Cost").
 */
export async function forEachAnswerRow(
  store: Store,
  query: AnswerRowsQuery,
  onRow: (row: AnswerRow) => void,
): Promise<void> {
  for (const name of query.dataFields ?? [])
    if (!IDENTIFIER.test(name)) throw new Error(`not an identifier: ${name}`);
  if (store.kind === 'sqlite') await sqliteRows(store, query, onRow);
  else await postgresRows(store.pool, query, onRow);
}

async function sqliteRows(
  store: Extract<Store, { kind: 'sqlite' }>,
  { projectId, dataFields = [], rows = SQLITE_ROWS }: AnswerRowsQuery,
  onRow: (row: AnswerRow) => void,
): Promise<void> {
  const data = dataFields.map((f) => `, (select i.data -> '$.${f}' from items i where i.id = a.item_id)`);
  // The id comes last, after the fields: the pager's key, ignored by the reader.
  const text = `select a.item_id, a.user_id, a.status, a.answers, a.submitted_at${data.join('')}, a.id
    from annotations a where a.project_id = ? and (a.item_id, a.id) > (?, ?)
    order by a.item_id, a.id limit ?`;
  const statement = rawStatement(store.sqlite, text);
  let afterItem = 0;
  let afterId = 0;
  for (;;) {
    const count = await store.db.connection().execute(async () => {
      let n = 0;
      for (const row of statement.iterate(projectId, afterItem, afterId, rows) as Iterable<unknown[]>) {
        n++;
        afterItem = row[0] as number;
        afterId = row[row.length - 1] as number;
        onRow(row as AnswerRow);
      }
      return n;
    });
    if (count < rows) return;
    await nextTurn();
  }
}

/** One query, its rows (arrays) used as they arrive and never collected. */
async function postgresRows(
  pool: pg.Pool,
  { projectId, dataFields = [] }: AnswerRowsQuery,
  onRow: (row: AnswerRow) => void,
): Promise<void> {
  const data = dataFields.map((f) => `, (i.data::json -> '${f}')::text`);
  const text = `select a.item_id, a.user_id, a.status, a.answers, a.submitted_at${data.join('')}
    from annotations a
    ${dataFields.length > 0 ? 'join items i on i.id = a.item_id' : ''}
    where a.project_id = $1 order by a.item_id, a.id`;
  await streamRows(pool, text, [projectId], onRow);
}
