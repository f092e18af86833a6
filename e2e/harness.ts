import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import type { Role } from '../core/api/users.ts';
import { createToken } from '../server/auth/auth.service.ts';
import { hashPassword } from '../server/auth/crypto.ts';
import { createVerity, type ServerConfig, type Verity } from '../server/server.ts';
import { freshStoreConfig, injectApi, TEST_PASSWORD_COST, type TestUser } from '../server/testing/harness.ts';
import { insertUser } from '../server/users/users.repository.ts';
import { CHROMIUM, MISSING_CHROMIUM } from './chromium.ts';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
];

export interface E2E {
  baseUrl: string;
  verity: Verity;
  browser: Browser;
  api: ReturnType<typeof injectApi>;
  user(role: Role, name?: string): Promise<TestUser & { name: string }>;
  /** A fresh browser context (its own cookies and storage), signed in as `who` when given. */
  open(who?: TestUser): Promise<{ context: BrowserContext; page: Page; foreign: string[] }>;
  close(): Promise<void>;
}

let n = 0;

/** Debian's Chromium, headless. The journeys are what e2e tests are: without it they fail, with or without CI. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(MISSING_CHROMIUM);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/**
 * A real server on a fresh store, listening on 127.0.0.1 (on `listen.port`, default any free one),
 * and Debian's Chromium driving it.
 */
export async function startE2E(
  overrides: Partial<ServerConfig> = {},
  listen: { port?: number } = {},
): Promise<E2E> {
  const browser = await launchChromium();
  const { config, cleanup } = await freshStoreConfig();
  const verity = await createVerity({ ...config, checkResponses: true, ...overrides });
  await verity.app.listen({ port: listen.port ?? 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(verity.app.server.address() as AddressInfo).port}`;
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    verity,
    browser,
    api: injectApi(verity),
    async user(role, name) {
      n += 1;
      const email = `${role}${n}-${Date.now().toString(36)}@example.org`;
      const password = `password-${n}-long-enough`;
      const row = await insertUser(verity.store.db, {
        email,
        name: name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${n}`,
        role,
        passwordHash: await hashPassword(password, TEST_PASSWORD_COST),
      });
      const token = await createToken(verity.ctx, row.id, 'e2e');
      return { id: row.id, email, role, password, token: token.token, name: row.name };
    },
    async open(who) {
      const context = await browser.newContext({ baseURL: baseUrl });
      contexts.push(context);
      const foreign: string[] = [];
      // Anything leaving for another host is recorded and refused: the hostile-content test reads it.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(baseUrl) || url.startsWith('data:') || url.startsWith('blob:'))
          return route.continue();
        foreign.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      if (who) await signIn(page, who);
      return { context, page, foreign };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await verity.close();
      await cleanup();
    },
  };
}

export async function signIn(page: Page, who: TestUser): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

/**
 * A project made by `manager` with this interface and these item lines (JSONL objects), and a
 * member who annotates: the setup most browser tests start from.
 */
export async function projectWithItems(
  e: E2E,
  manager: TestUser,
  project: { name: string; interface: unknown; guidelines?: string; overlap?: number },
  lines: unknown[],
  annotator?: TestUser,
): Promise<{ id: number; annotator: TestUser }> {
  const member = annotator ?? (await e.user('annotator'));
  const created = await e.api.call(manager, 'POST', '/api/projects', project);
  if (created.status !== 201)
    throw new Error(`create project: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id as number;
  const added = await e.api.call(manager, 'POST', `/api/projects/${id}/members`, { email: member.email });
  if (added.status !== 201 && added.status !== 200) throw new Error(`add member: ${added.status}`);
  const imported = await e.verity.app.inject({
    method: 'POST',
    url: `/api/projects/${id}/items`,
    headers: { authorization: `Bearer ${manager.token}`, 'content-type': 'application/x-ndjson' },
    payload: lines.map((l) => `${JSON.stringify(l)}\n`).join(''),
  });
  if (imported.statusCode !== 201) throw new Error(`import: ${imported.statusCode} ${imported.body}`);
  return { id, annotator: member };
}
