import type { Selectable } from 'kysely';
import type { ModelConnectionsTable } from '../db/schema.ts';
import type { Db } from '../db/transaction.ts';

/**
 * Every statement on `model_connections` (and the two reads that say whether one is in use). The
 * sealed key leaves this file only as `apiKeySealed`, which the client unseals and the service
 * turns into `hasApiKey`.
 */
export interface ConnectionRow {
  id: number;
  name: string;
  baseUrl: string;
  model: string;
  apiKeySealed: string | null;
  params: Record<string, unknown>;
  concurrency: number;
  requestsPerMinute: number | null;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
  createdBy: number;
  createdAt: number;
  updatedAt: number;
}

function parseParams(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const rowOf = (r: Selectable<ModelConnectionsTable>): ConnectionRow => ({
  ...r,
  params: parseParams(r.params),
  allowPrivateNetwork: r.allowPrivateNetwork === 1,
});

export interface ConnectionFields {
  name: string;
  baseUrl: string;
  model: string;
  apiKeySealed: string | null;
  params: Record<string, unknown>;
  concurrency: number;
  requestsPerMinute: number | null;
  timeoutMs: number;
  allowPrivateNetwork: boolean;
}

const columnsOf = (f: Partial<ConnectionFields>) => ({
  ...(f.name !== undefined ? { name: f.name } : {}),
  ...(f.baseUrl !== undefined ? { baseUrl: f.baseUrl } : {}),
  ...(f.model !== undefined ? { model: f.model } : {}),
  ...(f.apiKeySealed !== undefined ? { apiKeySealed: f.apiKeySealed } : {}),
  ...(f.params !== undefined ? { params: JSON.stringify(f.params) } : {}),
  ...(f.concurrency !== undefined ? { concurrency: f.concurrency } : {}),
  ...(f.requestsPerMinute !== undefined ? { requestsPerMinute: f.requestsPerMinute } : {}),
  ...(f.timeoutMs !== undefined ? { timeoutMs: f.timeoutMs } : {}),
  ...(f.allowPrivateNetwork !== undefined ? { allowPrivateNetwork: f.allowPrivateNetwork ? 1 : 0 } : {}),
});

export async function insertConnection(
  db: Db,
  f: ConnectionFields & { createdBy: number },
): Promise<ConnectionRow> {
  const at = Date.now();
  const row = await db
    .insertInto('modelConnections')
    .values({
      ...columnsOf(f),
      name: f.name,
      baseUrl: f.baseUrl,
      model: f.model,
      createdBy: f.createdBy,
      createdAt: at,
      updatedAt: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return rowOf(row);
}

export async function findConnection(db: Db, id: number): Promise<ConnectionRow | undefined> {
  const row = await db.selectFrom('modelConnections').selectAll().where('id', '=', id).executeTakeFirst();
  return row && rowOf(row);
}

export async function findConnectionByName(db: Db, name: string): Promise<ConnectionRow | undefined> {
  const row = await db.selectFrom('modelConnections').selectAll().where('name', '=', name).executeTakeFirst();
  return row && rowOf(row);
}

/** All connections by name (an instance has a handful; no paging). */
export async function listConnections(db: Db): Promise<ConnectionRow[]> {
  const rows = await db.selectFrom('modelConnections').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(rowOf);
}

export async function updateConnection(
  db: Db,
  id: number,
  f: Partial<ConnectionFields>,
): Promise<ConnectionRow | undefined> {
  const row = await db
    .updateTable('modelConnections')
    .set({ ...columnsOf(f), updatedAt: Date.now() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  return row && rowOf(row);
}

export async function deleteConnection(db: Db, id: number): Promise<boolean> {
  const res = await db.deleteFrom('modelConnections').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** The lane a connection's jobs run in (server/jobs: `jobs.lane`). */
export const laneOf = (connectionId: number): string => `model:${connectionId}`;

/** Jobs queued or running on the connection: it cannot go while they may still call it. */
export async function countOpenJobsOn(db: Db, connectionId: number): Promise<number> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('lane', '=', laneOf(connectionId))
    .where('status', 'in', ['queued', 'running'])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active accounts a model judge answers as through the connection (users.model_connection_id). */
export async function countJudgeAccountsOn(db: Db, connectionId: number): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('modelConnectionId', '=', connectionId)
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
