import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attributes, authClient, type Send, type Sent, type Session } from '../testing/auth-client.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { insertUser } from '../users/users.repository.ts';
import { SESSION_COOKIE } from './authenticate.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => h.close());

const { send, login } = authClient(() => h);

/** POST /api/auth/password as a session (cookie and CSRF token) or with an API token. */
const changePassword = (as: Session | string, currentPassword: string, newPassword: string) =>
  send({
    method: 'POST',
    url: '/api/auth/password',
    body: { currentPassword, newPassword },
    ...(typeof as === 'string' ? { token: as } : { cookie: as.cookie, csrf: as.csrf }),
  });

/** The Set-Cookie that empties the session cookie. */
function expectSessionCookieCleared(res: Sent): void {
  const cleared = res.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(cleared?.startsWith(`${SESSION_COOKIE}=;`)).toBe(true);
  expect(attributes(cleared!)).toContain('path=/');
}

describe('sign-in', () => {
  it('returns the user and a CSRF token and sets an HttpOnly, SameSite=Strict, Path=/ session cookie', async () => {
    const user = await h.user('annotator');
    const res = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: user.password },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: user.id,
      email: user.email,
      role: 'annotator',
      status: 'active',
    });
    expect(res.body.csrfToken).toMatch(/^\S{20,}$/);
    const setCookie = res.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))!;
    const attrs = attributes(setCookie);
    expect(attrs).toContain('httponly');
    expect(attrs).toContain('samesite=strict');
    expect(attrs).toContain('path=/');
    expect(attrs.find((a) => a.startsWith('max-age='))).toBe('max-age=43200');
  });

  it('accepts the email in any case', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email.toUpperCase(), user.password);
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).body.user.id).toBe(user.id);
  });

  it('gives the same answer for a wrong password, an unknown email and an identity without a password', async () => {
    const user = await h.user('annotator');
    const external = await insertUser(h.verity.store.db, {
      email: 'no-password@example.org',
      name: 'No Password',
      role: 'annotator',
      passwordHash: null,
    });
    const attempts = [
      { email: user.email, password: 'wrong-password' },
      { email: 'nobody-here@example.org', password: user.password },
      { email: external.email, password: 'anything-at-all' },
    ];
    const answers = [];
    for (const body of attempts) answers.push(await send({ method: 'POST', url: '/api/auth/login', body }));
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.setCookies).toEqual([]);
      expect(a.body).toEqual(answers[0]!.body);
    }
    expect(answers[0]!.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('names the field of a malformed sign-in', async () => {
    const res = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: 'not-an-email', password: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].path).toBe('body.email');
  });

  it('reports the current user and the session CSRF token on /me, by cookie or token', async () => {
    const user = await h.user('reviewer');
    const session = await login(user.email, user.password);
    const byCookie = await send({ url: '/api/auth/me', cookie: session.cookie });
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toMatchObject({ user: { id: user.id, role: 'reviewer' }, csrfToken: session.csrf });
    const byToken = await send({ url: '/api/auth/me', token: user.token });
    expect(byToken.status).toBe(200);
    expect(byToken.body.user.id).toBe(user.id);
  });

  it('refuses requests without credentials, with a malformed header or an unknown token', async () => {
    for (const s of [
      { url: '/api/auth/me' },
      { url: '/api/auth/me', token: 'vt_unknown' },
      { url: '/api/auth/me', cookie: 'vs_unknown' },
    ]) {
      const res = await send(s);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHENTICATED');
    }
    const basic = await h.verity.app.inject({ url: '/api/auth/me', headers: { authorization: 'Basic abc' } });
    expect(basic.statusCode).toBe(401);
    expect(basic.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends an expired session', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    await h.verity.store.db
      .updateTable('sessions')
      .set({ expiresAt: Date.now() - 1 })
      .where('userId', '=', user.id)
      .execute();
    const res = await send({ url: '/api/auth/me', cookie: session.cookie });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('sign-out', () => {
  it('ends the session and clears the cookie', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const out = await send({
      method: 'POST',
      url: '/api/auth/logout',
      cookie: session.cookie,
      csrf: session.csrf,
    });
    expect(out.status).toBe(204);
    expectSessionCookieCleared(out);
    const after = await send({ url: '/api/auth/me', cookie: session.cookie });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('ends only that session', async () => {
    const user = await h.user('annotator');
    const first = await login(user.email, user.password);
    const second = await login(user.email, user.password);
    await send({ method: 'POST', url: '/api/auth/logout', cookie: first.cookie, csrf: first.csrf });
    expect((await send({ url: '/api/auth/me', cookie: second.cookie })).status).toBe(200);
    expect((await send({ url: '/api/auth/me', token: user.token })).status).toBe(200);
  });
});

describe('sign-out everywhere', () => {
  it('ends every session of the caller, this one too, revokes all their tokens, and clears the cookie', async () => {
    const user = await h.user('annotator');
    const here = await login(user.email, user.password);
    const elsewhere = await login(user.email, user.password);
    const script = await send({
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'ci' },
      token: user.token,
    });
    const bystander = await h.user('annotator');
    const theirs = await login(bystander.email, bystander.password);

    const res = await send({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      cookie: here.cookie,
      csrf: here.csrf,
    });
    expect(res.status).toBe(204);
    expectSessionCookieCleared(res);
    for (const s of [
      { cookie: here.cookie },
      { cookie: elsewhere.cookie },
      { token: user.token },
      { token: script.body.token },
    ]) {
      const after = await send({ url: '/api/auth/me', ...s });
      expect(after.status, JSON.stringify(s)).toBe(401);
    }
    // Another user keeps theirs, and the password still signs in.
    expect((await send({ url: '/api/auth/me', cookie: theirs.cookie })).status).toBe(200);
    expect((await send({ url: '/api/auth/me', token: bystander.token })).status).toBe(200);
    await login(user.email, user.password);
  });

  it('works with an API token, which it revokes with the rest', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const res = await send({ method: 'POST', url: '/api/auth/sign-out-everywhere', token: user.token });
    expect(res.status).toBe(204);
    expect((await send({ url: '/api/auth/me', token: user.token })).status).toBe(401);
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).status).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without, or with a wrong, x-csrf-token', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const other = await login(user.email, user.password);
    const writes: Send[] = [
      { method: 'POST', url: '/api/tokens', body: { name: 'x' } },
      { method: 'POST', url: '/api/auth/logout' },
      { method: 'POST', url: '/api/auth/sign-out-everywhere' },
      { method: 'DELETE', url: '/api/tokens/1' },
      { method: 'PATCH', url: `/api/users/${user.id}`, body: { name: 'x' } },
      { method: 'PUT', url: '/api/assignments/1/draft', body: { answers: {} } },
    ];
    for (const write of writes) {
      for (const csrf of [undefined, 'wrong-token', other.csrf]) {
        const res = await send({ ...write, cookie: session.cookie, ...(csrf === undefined ? {} : { csrf }) });
        expect(res.status, `${write.method} ${write.url} csrf=${csrf}`).toBe(403);
        expect(res.body.error.code).toBe('CSRF_FAILED');
      }
    }
    // The refused logout did not end the session.
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).status).toBe(200);
  });

  it('accepts a cookie-authenticated write with the session CSRF token', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const res = await send({
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'by-cookie' },
      cookie: session.cookie,
      csrf: session.csrf,
    });
    expect(res.status).toBe(201);
  });

  it('needs no CSRF token on cookie-authenticated reads', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    for (const url of ['/api/auth/me', '/api/tokens', '/api/projects']) {
      expect((await send({ url, cookie: session.cookie })).status, url).toBe(200);
    }
  });

  it('needs no CSRF token on bearer-token writes', async () => {
    const user = await h.user('annotator');
    const res = await send({
      method: 'POST',
      url: '/api/tokens',
      body: { name: 'by-token' },
      token: user.token,
    });
    expect(res.status).toBe(201);
  });
});

// The sign-in throttle has its own file: sign-in-throttle.test.ts.

describe('password change', () => {
  it('keeps the current session, ends the others, and swaps the password', async () => {
    const user = await h.user('annotator');
    const current = await login(user.email, user.password);
    const other = await login(user.email, user.password);
    const newPassword = 'a-brand-new-password';
    const res = await changePassword(current, user.password, newPassword);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect((await send({ url: '/api/auth/me', cookie: current.cookie })).status).toBe(200);
    const ended = await send({ url: '/api/auth/me', cookie: other.cookie });
    expect(ended.status).toBe(401);
    expect(ended.body.error.code).toBe('UNAUTHENTICATED');
    const old = await send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: user.email, password: user.password },
    });
    expect(old.status).toBe(401);
    await login(user.email, newPassword);
  });

  it('ends every session when changed with an API token', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const res = await changePassword(user.token, user.password, 'another-new-password');
    expect(res.status).toBe(200);
    expect(res.body.csrfToken).toBe('');
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).status).toBe(401);
  });

  it("replaces the session's CSRF token: the old one is refused, the one returned works", async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const res = await changePassword(session, user.password, 'a-rotated-password');
    expect(res.status).toBe(200);
    const fresh: string = res.body.csrfToken;
    expect(fresh).toMatch(/^\S{20,}$/);
    expect(fresh).not.toBe(session.csrf);
    const write = {
      method: 'POST' as const,
      url: '/api/tokens',
      body: { name: 'after' },
      cookie: session.cookie,
    };
    const stale = await send({ ...write, csrf: session.csrf });
    expect(stale.status).toBe(403);
    expect(stale.body.error.code).toBe('CSRF_FAILED');
    expect((await send({ ...write, csrf: fresh })).status).toBe(201);
    expect((await send({ url: '/api/auth/me', cookie: session.cookie })).body.csrfToken).toBe(fresh);
  });

  it('keeps API tokens working after a password change', async () => {
    const user = await h.user('annotator');
    const session = await login(user.email, user.password);
    const res = await changePassword(session, user.password, 'a-password-for-tokens');
    expect(res.status).toBe(200);
    expect((await send({ url: '/api/auth/me', token: user.token })).status).toBe(200);
  });

  it('refuses a wrong current password and keeps the old one', async () => {
    const user = await h.user('annotator');
    const res = await changePassword(user.token, 'not-my-password', 'a-brand-new-password');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    await login(user.email, user.password);
  });

  it('names the field of a too-short new password', async () => {
    const user = await h.user('annotator');
    const res = await changePassword(user.token, user.password, 'short');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].path).toBe('body.newPassword');
  });
});
