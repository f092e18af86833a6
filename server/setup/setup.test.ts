import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness, testStore, type Verity } from '../testing/harness.ts';
import { insertUser, updateUserRow } from '../users/users.repository.ts';
import { issueSetupLink, SETUP_LINK_TTL_MS } from './setup.service.ts';

// Each test starts from a fresh store with no admin: making the first admin ends setup for good.
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => h.close());

const { send } = authClient(() => h);
const ORIGIN = 'http://verity.test';
const tokenOf = (url: string): string => url.split('#token=')[1]!;

async function link(now?: number): Promise<string> {
  const issued = await issueSetupLink(h.verity.ctx, {
    origin: ORIGIN,
    ...(now === undefined ? {} : { now }),
  });
  expect(issued).not.toBeNull();
  return tokenOf(issued!.url);
}

async function sequentially<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const item of items) out.push(await fn(item));
  return out;
}

let serial = 0;
const admin = (over: Record<string, unknown> = {}) => ({
  email: `first-${++serial}@example.org`,
  name: 'First Admin',
  password: 'first-admin-password',
  ...over,
});
const complete = (body: Record<string, unknown>, ip?: string) =>
  send({ method: 'POST', url: '/api/setup', body, ...(ip ? { ip } : {}) });
const status = async () => (await send({ url: '/api/setup' })).body;
const adminCount = async () =>
  (await h.verity.store.db.selectFrom('users').select('id').where('role', '=', 'admin').execute()).length;

describe('the setup link', () => {
  it('is made only while no admin exists: a one-time link to /setup, 1 hour long, stored as a hash only', async () => {
    expect(await status()).toEqual({ needed: true, accounts: false });
    const before = Date.now();
    const issued = await issueSetupLink(h.verity.ctx, { origin: ORIGIN });
    expect(issued!.url).toMatch(/^http:\/\/verity\.test\/setup#token=vsetup_[\w-]{43}$/);
    const expiresAt = Date.parse(issued!.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + SETUP_LINK_TTL_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + SETUP_LINK_TTL_MS);
    const rows = await h.verity.store.db.selectFrom('setupTokens').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(issued!.url));

    await h.user('admin');
    expect(await issueSetupLink(h.verity.ctx, { origin: ORIGIN })).toBeNull();
    expect(await status()).toEqual({ needed: false, accounts: true });
  });

  it('makes the first admin and signs them in, once: a second use is refused', async () => {
    const token = await link();
    const body = admin({ token });
    const made = await complete(body);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body.user).toMatchObject({
      email: body.email,
      name: 'First Admin',
      role: 'admin',
      status: 'active',
    });
    const cookie = made.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/i);
    const session = cookie!.slice(SESSION_COOKIE.length + 1).split(';')[0]!;
    const me = await send({ url: '/api/auth/me', cookie: session });
    expect(me.status).toBe(200);
    expect(me.body.user.role).toBe('admin');
    // A real session: it writes with its CSRF token.
    const apiToken = await send({
      method: 'POST',
      url: '/api/tokens',
      cookie: session,
      csrf: made.body.csrfToken,
      body: { name: 'cli' },
    });
    expect(apiToken.status).toBe(201);

    const again = await complete(admin({ token }));
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('SETUP_LINK_USED');
    expect(await adminCount()).toBe(1);
    expect(await status()).toEqual({ needed: false, accounts: true });
    const signIn = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: body.email, password: body.password },
    });
    expect(signIn.status).toBe(200);
  });

  it('refuses an expired link', async () => {
    const token = await link(Date.now() - SETUP_LINK_TTL_MS - 1);
    const res = await complete(admin({ token }));
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe('SETUP_LINK_EXPIRED');
    expect(res.body.error.message).toMatch(/expired/);
    expect(await adminCount()).toBe(0);
  });

  it('works until the last moment of its hour', async () => {
    const token = await link(Date.now() - SETUP_LINK_TTL_MS + 60_000);
    expect((await complete(admin({ token }))).status).toBe(201);
  });

  it('is replaced by the next start, of this process or another on the same store: only the newest works', async () => {
    const first = await link();
    const sibling = await h.sibling();
    const second = tokenOf((await issueSetupLink(sibling.ctx, { origin: ORIGIN }))!.url);
    const old = await complete(admin({ token: first }));
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('SETUP_LINK_EXPIRED');
    expect(old.body.error.message).toMatch(/newer setup link replaced this one/);
    expect((await complete(admin({ token: second }))).status).toBe(201);
  });

  it('keeps one live link when several server processes start at once', async () => {
    const siblings = [await h.sibling(), await h.sibling(), await h.sibling()];
    const issue = (v: Verity) => issueSetupLink(v.ctx, { origin: ORIGIN });
    // SQLite serialises writers across processes; in one process, connections blocked on each
    // other's lock would block the event loop, so there the starts come one after another.
    const links =
      testStore() === 'postgres'
        ? await Promise.all([h.verity, ...siblings].map(issue))
        : await sequentially([h.verity, ...siblings], issue);
    const live = await h.verity.store.db
      .selectFrom('setupTokens')
      .select('tokenHash')
      .where('replacedAt', 'is', null)
      .execute();
    expect(live).toHaveLength(1);
    const answers = [];
    for (const l of links) answers.push((await complete(admin({ token: tokenOf(l!.url) }))).status);
    expect(answers.filter((s) => s === 201)).toHaveLength(1);
  });

  it('refuses a wrong token, and slows down an address that keeps sending them', async () => {
    await link();
    const wrong = await complete(admin({ token: 'vsetup_a-guess' }));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('SETUP_LINK_INVALID');
    const ip = '10.77.0.1';
    const codes: string[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await complete(admin({ token: `vsetup_guess-${i}` }), ip)).body.error.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('SETUP_LINK_INVALID'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(await adminCount()).toBe(0);
  });

  it('is refused once an admin exists (made with the CLI meanwhile), and the link no longer works', async () => {
    const token = await link();
    await h.user('admin');
    const res = await complete(admin({ token }));
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SETUP_DONE');
    expect(res.setCookies).toEqual([]);
    expect(await adminCount()).toBe(1);
  });

  it('is needed again, with a new link, when the only admin is suspended', async () => {
    const row = await insertUser(h.verity.store.db, {
      email: 'only-admin@example.org',
      name: 'Only Admin',
      role: 'admin',
      passwordHash: null,
    });
    expect(await issueSetupLink(h.verity.ctx, { origin: ORIGIN })).toBeNull();
    await updateUserRow(h.verity.store.db, row.id, { status: 'suspended' });
    expect((await status()).needed).toBe(true);
    expect((await complete(admin({ token: await link() }))).status).toBe(201);
  });

  it('holds the password to the usual rules, and an email to one account, keeping the link when refused', async () => {
    const token = await link();
    const short = await complete(admin({ token, password: 'short' }));
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(short.body.error.details[0].path).toBe('body.password');
    const taken = await h.user('annotator');
    const conflict = await complete(admin({ token, email: taken.email }));
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('CONFLICT');
    expect((await complete(admin({ token }))).status).toBe(201);
  });

  it('makes exactly one admin when the link is used twice at once', async () => {
    const token = await link();
    const answers = await Promise.all([complete(admin({ token })), complete(admin({ token }))]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
    expect(answers.find((a) => a.status === 410)!.body.error.code).toBe('SETUP_LINK_USED');
    expect(await adminCount()).toBe(1);
  });
});
