import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore } from '../server/db/connect.ts';
import type { Store, StoreKind } from '../server/db/store.ts';
import type { ChildEnv } from './servers.ts';

/** A store made for one bench run: empty at the start, removed at the end. */
export interface BenchStore {
  kind: StoreKind;
  /** What the server children need to reach it. */
  env: ChildEnv;
  /** A direct connection for setup and checks the HTTP API does not offer. */
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

export function prepareSqlite(): BenchStore {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-sqlite-'));
  return {
    kind: 'sqlite',
    env: { BENCH_DATA_DIR: dataDir, BENCH_SECRET: randomBytes(32).toString('base64url') },
    open: () => openStore({ dataDir }),
    cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/**
 * A fresh schema on the PostgreSQL database of `url` (dropped by cleanup), as the test harness
 * does, or the reason PostgreSQL cannot be used.
 */
export async function preparePostgres(url: string): Promise<BenchStore | { unreachable: string }> {
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    const e = err as { message?: string; code?: string };
    return { unreachable: e.message || e.code || 'connection failed' };
  }
  const schema = `verity_bench_${randomBytes(5).toString('hex')}`;
  try {
    await admin.query(`create schema ${schema}`);
  } finally {
    await admin.end();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-pg-'));
  return {
    kind: 'postgres',
    env: {
      BENCH_DATA_DIR: dataDir,
      BENCH_SECRET: randomBytes(32).toString('base64url'),
      BENCH_DATABASE_URL: url,
      BENCH_PG_SCHEMA: schema,
    },
    open: () => openStore({ dataDir, databaseUrl: url, pgSchema: schema }),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL: gathers the planner statistics autovacuum would gather within a minute or so of a
 * bulk load, so the figures do not depend on when it happens to run. SQLite: nothing (the server
 * never runs ANALYZE there).
 */
export async function refreshStatistics(store: Store): Promise<void> {
  if (store.kind === 'postgres') await sql`analyze items, assignments, annotations, users`.execute(store.db);
}
