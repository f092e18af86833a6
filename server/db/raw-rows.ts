import type SqliteDatabase from 'better-sqlite3';
import pg from 'pg';

/**
 * Rows as arrays, for the long reads (exports, the quality reports) that use each row once and
 * never collect them: on SQLite a statement prepared once per connection and text, in raw mode; on
 * PostgreSQL one query whose rows are handed over as they arrive.
 */

const cache = new WeakMap<SqliteDatabase.Database, Map<string, SqliteDatabase.Statement>>();

/** The statement of this text on this connection, prepared once, returning rows as arrays. */
export function rawStatement(sqlite: SqliteDatabase.Database, text: string): SqliteDatabase.Statement {
  let statements = cache.get(sqlite);
  if (!statements) {
    statements = new Map();
    cache.set(sqlite, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = sqlite.prepare(text).raw(true);
    statements.set(text, statement);
  }
  return statement;
}

/** Runs a query on a pooled connection and hands each row (an array) to `onRow` as it arrives. */
export async function streamRows<R>(
  pool: pg.Pool,
  text: string,
  values: unknown[],
  onRow: (row: R) => void,
): Promise<void> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed: unknown;
      const config: pg.QueryArrayConfig = { text, values, rowMode: 'array' };
      const query = new pg.Query(config);
      query.on('row', (row: R) => {
        if (failed !== undefined) return;
        try {
          onRow(row);
        } catch (err) {
          // Thrown inside pg's message handling it would break the connection; report it at the end.
          failed = err;
        }
      });
      query.on('error', reject);
      query.on('end', () => (failed === undefined ? resolve() : reject(failed)));
      client.query(query);
    });
  } catch (err) {
    failure = err instanceof Error ? err : new Error(String(err));
    throw err;
  } finally {
    // After an error the connection's state is unknown: close it rather than reuse it.
    client.release(failure);
  }
}
