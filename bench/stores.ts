import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store, type StoreKind } from '../server/db/connect.ts';
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
 * A fresh database on the server of `adminUrl` (dropped by cleanup), or the reason PostgreSQL
 * cannot be used.
 */
export async function preparePostgres(adminUrl: string): Promise<BenchStore | { unreachable: string }> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (err) {
    return {
      unreachable: `${(err as Error).message || (err as { code?: string }).code || 'connection failed'}`,
    };
  }
  const name = `verity_bench_${randomBytes(5).toString('hex')}`;
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-pg-'));
  return {
    kind: 'postgres',
    env: {
      BENCH_DATA_DIR: dataDir,
      BENCH_SECRET: randomBytes(32).toString('base64url'),
      BENCH_DATABASE_URL: databaseUrl,
    },
    open: () => openStore({ dataDir, databaseUrl }),
    cleanup: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
