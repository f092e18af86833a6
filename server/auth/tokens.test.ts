import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const { send, login } = authClient(() => h);
const createToken = (user: TestUser, body: { name?: string }) =>
  send({ method: 'POST', url: '/api/tokens', body, token: user.token });

describe('API tokens', () => {
  it('creates a token shown once, lists it without its text, and revokes it for the very next request', async () => {
    const user = await h.user('annotator');
    const created = await createToken(user, { name: 'ci' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'ci', lastUsedAt: null });
    const token: string = created.body.token;
    expect((await send({ url: '/api/auth/me', token })).body.user.id).toBe(user.id);

    const list = await send({ url: '/api/tokens', token: user.token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { name: string }) => t.name)).toEqual(['test', 'ci']);
    expect(JSON.stringify(list.body)).not.toContain(token);

    const revoked = await send({
      method: 'DELETE',
      url: `/api/tokens/${created.body.id}`,
      token: user.token,
    });
    expect(revoked.status).toBe(204);
    const after = await send({ url: '/api/auth/me', token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    const listed = await send({ url: '/api/tokens', token: user.token });
    expect(listed.body.items.map((t: { id: number }) => t.id)).not.toContain(created.body.id);
    const again = await send({ method: 'DELETE', url: `/api/tokens/${created.body.id}`, token: user.token });
    expect(again.status).toBe(404);
  });

  it('lets a token revoke itself', async () => {
    const user = await h.user('annotator');
    const created = await createToken(user, {});
    expect(created.body.name).toBe('api');
    const res = await send({
      method: 'DELETE',
      url: `/api/tokens/${created.body.id}`,
      token: created.body.token,
    });
    expect(res.status).toBe(204);
    expect((await send({ url: '/api/tokens', token: created.body.token })).status).toBe(401);
  });

  it("answers 404 for another user's token and leaves it working", async () => {
    const owner = await h.user('annotator');
    const created = await createToken(owner, { name: 'mine' });
    const res = await send({ method: 'DELETE', url: `/api/tokens/${created.body.id}`, token: admin.token });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await send({ url: '/api/auth/me', token: created.body.token })).status).toBe(200);
    const adminList = await send({ url: '/api/tokens', token: admin.token });
    expect(adminList.body.items.map((t: { id: number }) => t.id)).not.toContain(created.body.id);
  });

  it('records when a token was last used', async () => {
    const user = await h.user('annotator');
    const created = await createToken(user, { name: 'used' });
    const before = Date.now();
    expect((await send({ url: '/api/auth/me', token: created.body.token })).status).toBe(200);
    const list = await send({ url: '/api/tokens', token: user.token });
    const row = list.body.items.find((t: { id: number }) => t.id === created.body.id);
    expect(row.lastUsedAt).not.toBeNull();
    expect(Date.parse(row.lastUsedAt)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe('secrets at rest', () => {
  it('stores API tokens, session ids and passwords only as hashes', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const created = await createToken(user, { name: 'at-rest' });
    const token: string = created.body.token;
    const db = h.verity.store.db;
    const tokens = JSON.stringify(await db.selectFrom('apiTokens').selectAll().execute());
    const sessions = JSON.stringify(await db.selectFrom('sessions').selectAll().execute());
    const users = await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    for (const secret of [token, user.token, session.cookie]) {
      const random = secret.slice(secret.indexOf('_') + 1);
      for (const table of [tokens, sessions, JSON.stringify(users)]) expect(table).not.toContain(random);
    }
    expect(users.passwordHash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[\w-]+\$[\w-]+$/);
    expect(users.passwordHash).not.toContain(user.password);
  });
});

describe('suspension', () => {
  async function setStatus(userId: number, status: 'active' | 'suspended'): Promise<void> {
    const res = await send({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      body: { status },
      token: admin.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe(status);
  }

  it('refuses the very next request by API token, and unsuspending restores the token', async () => {
    const user = await h.user('manager');
    expect((await send({ url: '/api/projects', token: user.token })).status).toBe(200);
    await setStatus(user.id, 'suspended');
    for (const s of [
      { url: '/api/projects' },
      { method: 'POST' as const, url: '/api/tokens', body: { name: 'x' } },
    ]) {
      const res = await send({ ...s, token: user.token });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('ACCOUNT_SUSPENDED');
    }
    await setStatus(user.id, 'active');
    expect((await send({ url: '/api/projects', token: user.token })).status).toBe(200);
  });

  it('refuses the very next request by session cookie with ACCOUNT_SUSPENDED', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    await setStatus(user.id, 'suspended');
    const read = await send({ url: '/api/auth/me', cookie: session.cookie });
    expect(read.status).toBe(403);
    expect(read.body.error.code).toBe('ACCOUNT_SUSPENDED');
    const write = await send({
      method: 'POST',
      url: '/api/tokens',
      body: {},
      cookie: session.cookie,
      csrf: session.csrf,
    });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe('ACCOUNT_SUSPENDED');
  });

  it('keeps an ended session ended after unsuspending', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    await setStatus(user.id, 'suspended');
    await setStatus(user.id, 'active');
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).status).toBe(401);
  });

  it('refuses sign-in while suspended, only once the password is right', async () => {
    const user = await h.user('annotator');
    await setStatus(user.id, 'suspended');
    const wrong = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: 'wrong-password' },
    });
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    const right = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: user.password },
    });
    expect(right.status).toBe(403);
    expect(right.body.error.code).toBe('ACCOUNT_SUSPENDED');
    expect(right.setCookies).toEqual([]);
    await setStatus(user.id, 'active');
    await login(user.email, user.password);
  });
});
