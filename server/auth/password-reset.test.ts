import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';
import { createPasswordReset, PASSWORD_RESET_TTL_MS } from './password-reset.service.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const { send, login } = authClient(() => h);

const makeLink = (userId: number) => h.call(admin, 'POST', `/api/users/${userId}/password-reset`);
const tokenOf = (url: string): string => url.split('#token=')[1]!;
const redeem = (token: string, newPassword: string, ip?: string) =>
  send({
    method: 'POST',
    url: '/api/auth/password-reset',
    body: { token, newPassword },
    ...(ip ? { ip } : {}),
  });
const signInStatus = async (email: string, password: string) =>
  (await send({ method: 'POST', url: '/api/auth/login', body: { email, password } })).status;

describe('making a reset link', () => {
  it('answers a one-time link to the web page and when it expires, 24 hours on; only its hash is stored', async () => {
    const user = await h.user('annotator');
    const before = Date.now();
    const res = await makeLink(user.id);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.url).toMatch(/^http:\/\/localhost(:\d+)?\/reset-password#token=vr_[\w-]{40,}$/);
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + PASSWORD_RESET_TTL_MS);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + PASSWORD_RESET_TTL_MS);
    const rows = await h.verity.store.db
      .selectFrom('passwordResets')
      .selectAll()
      .where('userId', '=', user.id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.createdBy).toBe(admin.id);
    expect(JSON.stringify(rows)).not.toContain(tokenOf(res.body.url));
  });

  it('uses the public URL when one is configured', async () => {
    const behindProxy = await h.sibling({ publicOrigin: 'https://verity.example.org' });
    const user = await h.user('annotator');
    const res = await send({
      via: behindProxy,
      method: 'POST',
      url: `/api/users/${user.id}/password-reset`,
      token: admin.token,
    });
    expect(res.status).toBe(201);
    expect(res.body.url.startsWith('https://verity.example.org/reset-password#token=')).toBe(true);
  });

  it('is for admins only', async () => {
    const user = await h.user('annotator');
    for (const role of ['manager', 'reviewer', 'annotator'] as const) {
      const res = await h.call(await h.user(role), 'POST', `/api/users/${user.id}/password-reset`);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await h.call(null, 'POST', `/api/users/${user.id}/password-reset`)).status).toBe(401);
  });

  it('refuses unknown users, external identities and suspended accounts', async () => {
    expect((await makeLink(99_999_999)).body.error.code).toBe('NOT_FOUND');
    const external = await insertUser(h.verity.store.db, {
      email: null,
      name: 'Imported Annotator',
      role: 'annotator',
      passwordHash: null,
      external: true,
    });
    const ext = await makeLink(external.id);
    expect(ext.status).toBe(409);
    expect(ext.body.error.message).toMatch(/external annotator/);
    const user = await h.user('annotator');
    expect((await h.call(admin, 'PATCH', `/api/users/${user.id}`, { status: 'suspended' })).status).toBe(200);
    const suspended = await makeLink(user.id);
    expect(suspended.status).toBe(409);
    expect(suspended.body.error.message).toMatch(/suspended/);
  });

  it('gives an account made without a password its first one', async () => {
    const row = await insertUser(h.verity.store.db, {
      email: `first-${Date.now()}@example.org`,
      name: 'First Password',
      role: 'annotator',
      passwordHash: null,
    });
    const link = await makeLink(row.id);
    expect((await redeem(tokenOf(link.body.url), 'my-first-password')).status).toBe(204);
    expect(await signInStatus(row.email!, 'my-first-password')).toBe(200);
  });
});

describe('using a reset link', () => {
  it('sets the password once: the old one stops working, sessions end, a second use is refused', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const link = await makeLink(user.id);
    const token = tokenOf(link.body.url);

    const used = await redeem(token, 'a-fresh-password');
    expect(used.status, JSON.stringify(used.body)).toBe(204);
    expect(used.setCookies).toEqual([]);
    expect(await signInStatus(user.email, user.password)).toBe(401);
    expect(await signInStatus(user.email, 'a-fresh-password')).toBe(200);
    const old = await send({ url: '/api/auth/me', cookie: session.cookie });
    expect(old.status).toBe(401);
    expect(old.body.error.code).toBe('UNAUTHENTICATED');
    // API tokens are kept, as after a password change.
    expect((await h.call(user, 'GET', '/api/auth/me')).status).toBe(200);

    const again = await redeem(token, 'yet-another-password');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_LINK_INVALID');
    expect(await signInStatus(user.email, 'a-fresh-password')).toBe(200);
  });

  it('of two uses at once, exactly one sets the password', async () => {
    const user = await h.user('annotator');
    const token = tokenOf((await makeLink(user.id)).body.url);
    const answers = await Promise.all([
      redeem(token, 'first-new-password'),
      redeem(token, 'second-new-password'),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([204, 400]);
    const winner = answers[0]!.status === 204 ? 'first-new-password' : 'second-new-password';
    expect(await signInStatus(user.email, winner)).toBe(200);
  });

  it('refuses an expired link', async () => {
    const user = await h.user('annotator');
    const link = await createPasswordReset(
      h.verity.ctx,
      null,
      user.id,
      'http://verity.test',
      Date.now() - PASSWORD_RESET_TTL_MS - 1,
    );
    const res = await redeem(tokenOf(link.url), 'a-fresh-password');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('RESET_LINK_INVALID');
    expect(await signInStatus(user.email, user.password)).toBe(200);
  });

  it('refuses a link a newer one replaced, and an unknown token', async () => {
    const user = await h.user('annotator');
    const first = tokenOf((await makeLink(user.id)).body.url);
    const second = tokenOf((await makeLink(user.id)).body.url);
    expect((await redeem(first, 'a-fresh-password')).body.error.code).toBe('RESET_LINK_INVALID');
    expect((await redeem('vr_not-a-real-token', 'a-fresh-password')).body.error.code).toBe(
      'RESET_LINK_INVALID',
    );
    expect((await redeem(second, 'a-fresh-password')).status).toBe(204);
  });

  it('is void once the account is suspended, and stays void when it is restored', async () => {
    const user = await h.user('annotator');
    const token = tokenOf((await makeLink(user.id)).body.url);
    expect((await h.call(admin, 'PATCH', `/api/users/${user.id}`, { status: 'suspended' })).status).toBe(200);
    expect((await redeem(token, 'a-fresh-password')).body.error.code).toBe('RESET_LINK_INVALID');
    expect((await h.call(admin, 'PATCH', `/api/users/${user.id}`, { status: 'active' })).status).toBe(200);
    expect((await redeem(token, 'a-fresh-password')).body.error.code).toBe('RESET_LINK_INVALID');
    expect(await signInStatus(user.email, user.password)).toBe(200);
  });

  it('holds the new password to the password rules and keeps the link when it fails them', async () => {
    const user = await h.user('annotator');
    const token = tokenOf((await makeLink(user.id)).body.url);
    const short = await redeem(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.error.code).toBe('VALIDATION_FAILED');
    expect(short.body.error.details[0].path).toBe('body.newPassword');
    expect((await redeem(token, 'long-enough-now')).status).toBe(204);
  });

  it('slows down an address that keeps sending bad tokens, as failed sign-ins are', async () => {
    const ip = '10.99.0.1';
    const codes: string[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await redeem(`vr_guess-${i}`, 'a-fresh-password', ip)).body.error.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('RESET_LINK_INVALID'));
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    // Another address is not slowed down.
    const user = await h.user('annotator');
    const token = tokenOf((await makeLink(user.id)).body.url);
    expect((await redeem(token, 'a-fresh-password', '10.99.1.1')).status).toBe(204);
  });
});
