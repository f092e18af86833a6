import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Role } from '../../core/api/users.ts';
// Not through core/interface/index.ts: test fixtures are no part of the model's entry.
import { exampleInterface } from '../../core/interface/testing.ts';
import { createToken } from '../auth/auth.service.ts';
import { hashPassword, type ScryptCost } from '../auth/crypto.ts';
import { createVerity, type ServerConfig, type Verity } from '../server.ts';
import { insertUser } from '../users/users.repository.ts';

// What the CLI's tests use of the server besides its entries (.dependency-cruiser.cjs).
export { createToken, createVerity, insertUser, type ServerConfig, type Verity };

/** The store the integration tests run on: VERITY_TEST_STORE=postgres selects PostgreSQL. */
export const testStore = (): 'sqlite' | 'postgres' =>
  process.env.VERITY_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';
export const testPgUrl = (): string =>
  process.env.VERITY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/**
 * The password cost of test servers: 1 MiB and about a millisecond a hash instead of 128 MiB and
 * ~0.4 s, so suites can create hundreds of users. Passed in code (ServerConfig.passwordCostForTests),
 * never through the environment; tests of the real cost build their server without it.
 */
export const TEST_PASSWORD_COST: ScryptCost = { N: 2 ** 10, r: 8, p: 1 };

/**
 * A fresh, isolated store config: a temp folder for SQLite, a new schema for PostgreSQL.
 * `cleanup` removes it.
 */
export async function freshStoreConfig(): Promise<{ config: ServerConfig; cleanup(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-test-'));
  const secret = randomBytes(32).toString('base64url');
  if (testStore() === 'sqlite') {
    return {
      config: { dataDir, secret, passwordCostForTests: TEST_PASSWORD_COST },
      cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testPgUrl() });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    config: {
      dataDir,
      secret,
      databaseUrl: testPgUrl(),
      pgSchema: schema,
      passwordCostForTests: TEST_PASSWORD_COST,
    },
    cleanup: async () => {
      const c = new pg.Client({ connectionString: testPgUrl() });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestUser {
  id: number;
  email: string;
  role: Role;
  token: string;
  password: string;
}

export interface Harness {
  verity: Verity;
  /** Creates a user with an API token. */
  user(role: Role, email?: string): Promise<TestUser>;
  /** A JSON request as `who`; returns status and parsed body. */
  call(
    who: TestUser | null,
    method: string,
    url: string,
    body?: unknown,
  ): Promise<{ status: number; body: any }>;
  /**
   * Another app on the same store, as a second server process behind a balancer (or this one
   * after a restart) would be; `overrides` change its settings. The harness closes it too.
   */
  sibling(overrides?: Partial<ServerConfig>): Promise<Verity>;
  close(): Promise<void>;
}

let counter = 0;

/** JSON calls through `app.inject`; the body is parsed when the answer is JSON. */
export function injectApi(verity: Verity): Pick<Harness, 'call' | 'verity'> {
  return {
    verity,
    async call(who, method, url, body) {
      const res = await verity.app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(who ? { authorization: `Bearer ${who.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      const json = String(res.headers['content-type'] ?? '').includes('application/json') && res.body !== '';
      return { status: res.statusCode, body: json ? JSON.parse(res.body) : res.body };
    },
  };
}

/** `overrides` change the server's settings (e.g. `logger` from secret-search.ts's collectLogs). */
export async function startHarness(overrides: Partial<ServerConfig> = {}): Promise<Harness> {
  const { config, cleanup } = await freshStoreConfig();
  const verity = await createVerity({ ...config, checkResponses: true, ...overrides });
  const siblings: Verity[] = [];
  return {
    ...injectApi(verity),
    async sibling(overrides = {}) {
      const other = await createVerity({ ...config, checkResponses: true, ...overrides });
      // Closing may come from the test (a restart) and again from the harness.
      let closed: Promise<void> | undefined;
      const sibling = { ...other, close: () => (closed ??= other.close()) };
      siblings.push(sibling);
      return sibling;
    },
    async user(role, email) {
      counter += 1;
      const password = `pw-${randomBytes(8).toString('hex')}`;
      const addr = email ?? `${role}${counter}-${randomBytes(3).toString('hex')}@example.org`;
      const row = await insertUser(verity.store.db, {
        email: addr,
        name: `${role} ${counter}`,
        role,
        passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
      });
      const token = await createToken(verity.ctx, row.id, 'test');
      return { id: row.id, email: addr, role, token: token.token, password };
    },
    async close() {
      for (const other of siblings) await other.close();
      await verity.close();
      await cleanup();
    },
  };
}

/** The reference example interface as a client sends it: with no version (the current one is meant). */
export const sampleInterface = { fields: exampleInterface.fields, questions: exampleInterface.questions };

export const jsonl = (rows: unknown[]): string => rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
