import type pg from 'pg';
import { kyselyOnClient } from './connect.ts';
import type { OpenTransaction, Tx } from './transaction.ts';

/**
 * Opens a PostgreSQL transaction on a client of the pool and keeps it open across calls; `client`
 * is that connection (for COPY). `end` commits or rolls back and gives the client back; a client
 * whose BEGIN, COMMIT or ROLLBACK failed is not given back to the pool. (Kept apart from
 * transaction.ts, which the SQLite import worker loads: this would load connect.ts, its
 * migrations and pg there too.)
 */
export async function openPostgresTransaction(
  pool: pg.Pool,
): Promise<OpenTransaction & { client: pg.PoolClient }> {
  const client = await pool.connect();
  try {
    await client.query('begin');
  } catch (err) {
    client.release(err as Error);
    throw err;
  }
  return {
    client,
    // The transaction began just above, on this very client.
    tx: kyselyOnClient(client) as Tx,
    end: async (commit) => {
      try {
        await client.query(commit ? 'commit' : 'rollback');
        client.release();
      } catch (err) {
        client.release(err as Error);
        throw err;
      }
    },
  };
}
