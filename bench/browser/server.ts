import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '../../core/api/users.ts';
import { signIn } from '../../e2e/harness.ts';
import { createToken } from '../../server/auth/auth.service.ts';
import { hashPassword } from '../../server/auth/crypto.ts';
import { createVerity, type Verity } from '../../server/server.ts';
import { injectApi, type TestUser } from '../../server/testing/harness.ts';
import { insertUser } from '../../server/users/users.repository.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserBenchServer {
  baseUrl: string;
  verity: Verity;
  /** A JSON request through the app as `who`: status and parsed body. */
  call: ReturnType<typeof injectApi>['call'];
  user(role: Role, name: string): Promise<TestUser>;
  /** A project with the given interface, the members as annotators, and `items` imported. */
  project(owner: TestUser, iface: unknown, members: TestUser[], items: unknown[]): Promise<number>;
  close(): Promise<void>;
}

/**
 * The product as `verity start` runs it: the built web app, the embedded SQLite store in a fresh
 * folder, no response checking, listening on 127.0.0.1; `runJobs`: with its job runner (media's
 * probe and peaks).
 */
export async function startBenchServer(opts: { runJobs?: boolean } = {}): Promise<BrowserBenchServer> {
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts', 'build-web.mjs')], { stdio: 'inherit' });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'verity-bench-browser-'));
  const verity = await createVerity({
    dataDir,
    secret: randomBytes(32).toString('base64url'),
    runJobs: opts.runJobs === true,
  });
  await verity.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(verity.app.server.address() as AddressInfo).port}`;
  const { call } = injectApi(verity);
  let n = 0;
  return {
    baseUrl,
    verity,
    call,
    async user(role, name) {
      n += 1;
      const email = `${role}${n}@bench.example.org`;
      const password = `bench-password-${n}`;
      const row = await insertUser(verity.store.db, {
        email,
        name,
        role,
        passwordHash: await hashPassword(password),
      });
      const token = await createToken(verity.ctx, row.id, 'bench');
      return { id: row.id, email, role, password, token: token.token };
    },
    async project(owner, iface, members, items) {
      const created = await call(owner, 'POST', '/api/projects', { name: `bench ${n}`, interface: iface });
      expectStatus(created, 201, 'create a project');
      const id = created.body.id as number;
      for (const m of members) {
        expectStatus(
          await call(owner, 'POST', `/api/projects/${id}/members`, { email: m.email }),
          201,
          'add a member',
        );
      }
      const imported = await verity.app.inject({
        method: 'POST',
        url: `/api/projects/${id}/items`,
        headers: { authorization: `Bearer ${owner.token}`, 'content-type': 'application/x-ndjson' },
        payload: `${items.map((i) => JSON.stringify(i)).join('\n')}\n`,
      });
      expectStatus({ status: imported.statusCode, body: imported.body }, 201, 'import items');
      return id;
    },
    async close() {
      await verity.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function expectStatus(res: { status: number; body: unknown }, status: number, what: string): void {
  if (res.status !== status) {
    throw new Error(`could not ${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  }
}

/** Runs `use` on a page of a fresh 1280×800 browser context signed in as `user`; closes the context after. */
export async function asSignedIn<T>(
  browser: Browser,
  server: BrowserBenchServer,
  user: TestUser,
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = await context.newPage();
    await signIn(page, user);
    return await use(page);
  } finally {
    await context.close();
  }
}
