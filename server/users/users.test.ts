import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

let serial = 0;
const freshEmail = (): string => `user${++serial}-${Date.now()}@example.org`;

/** The field a validation error names, after checking the error envelope. */
function invalidField(res: {
  status: number;
  body: { error: { code: string; details: { path: string }[] } };
}): string {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  return res.body.error.details[0]!.path;
}

describe('creating users', () => {
  it('creates a user who can sign in, and never returns the password hash', async () => {
    const email = freshEmail();
    const res = await h.call(admin, 'POST', '/api/users', {
      email,
      name: 'Ada',
      role: 'reviewer',
      password: 'a-long-enough-password',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email,
      name: 'Ada',
      role: 'reviewer',
      status: 'active',
      external: false,
    });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
    const login = await h.call(null, 'POST', '/api/auth/login', {
      email,
      password: 'a-long-enough-password',
    });
    expect(login.status).toBe(200);
    expect(login.body.user.id).toBe(res.body.id);
  });

  it('defaults the role to annotator and normalises the email', async () => {
    const email = freshEmail();
    const res = await h.call(admin, 'POST', '/api/users', {
      email: `  ${email.toUpperCase()} `,
      name: ' Bo ',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email, name: 'Bo', role: 'annotator' });
  });

  it('creates a user without a password who cannot sign in', async () => {
    const email = freshEmail();
    expect((await h.call(admin, 'POST', '/api/users', { email, name: 'No Password' })).status).toBe(201);
    const login = await h.call(null, 'POST', '/api/auth/login', { email, password: 'any-password-at-all' });
    expect(login.status).toBe(401);
    expect(login.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a duplicate email, in any case, with 409 CONFLICT', async () => {
    const email = freshEmail();
    expect((await h.call(admin, 'POST', '/api/users', { email, name: 'First' })).status).toBe(201);
    for (const again of [email, email.toUpperCase()]) {
      const res = await h.call(admin, 'POST', '/api/users', { email: again, name: 'Second' });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('CONFLICT');
    }
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', name: 'X' }, 'body.email'],
    ['a missing email', { name: 'X' }, 'body.email'],
    ['an empty name', { email: 'valid@example.org', name: '  ' }, 'body.name'],
    ['an unknown role', { email: 'valid@example.org', name: 'X', role: 'owner' }, 'body.role'],
    ['a short password', { email: 'valid@example.org', name: 'X', password: 'short' }, 'body.password'],
  ])('names the field of %s', async (_, body, field) => {
    const res = await h.call(admin, 'POST', '/api/users', body);
    expect(invalidField(res)).toBe(field);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it.each([
    ['a right-to-left override', '\u202Egro.x@nimda', 'U+202E (right-to-left override) is not allowed'],
    ['one zero-width space', '\u200B', 'U+200B (zero width space) is not allowed'],
    ['a NUL', 'Ada\u0000', 'U+0000 (a control character) is not allowed'],
    ['a soft hyphen', 'Ad\u00ADa', 'U+00AD (soft hyphen) is not allowed'],
    ['only a combining accent', '\u0301', 'must have at least one visible character'],
    ['201 characters', 'x'.repeat(201), 'must be at most 200 characters'],
  ])('refuses a name with %s, naming the field and the problem', async (_, name, problem) => {
    const res = await h.call(admin, 'POST', '/api/users', { email: freshEmail(), name });
    expect(invalidField(res)).toBe('body.name');
    expect(res.body.error.message).toBe(`body.name: ${problem}`);
    const user = await h.user('annotator');
    const renamed = await h.call(admin, 'PATCH', `/api/users/${user.id}`, { name });
    expect(invalidField(renamed)).toBe('body.name');
    expect(renamed.body.error.message).toBe(`body.name: ${problem}`);
  });

  it('accepts names in any script, with accents and emoji, up to 200 characters', async () => {
    for (const name of ['José Ñúñez', 'مريم', '李小龙', '🦊'.repeat(200)]) {
      const res = await h.call(admin, 'POST', '/api/users', { email: freshEmail(), name });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.name).toBe(name);
    }
  });

  it('answers a body that is not JSON with 400 BAD_REQUEST', async () => {
    const res = await h.verity.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('BAD_REQUEST');
  });
});

describe('updating users', () => {
  it('changes name and role, and the new role applies on the very next request', async () => {
    const manager = await h.user('manager');
    expect((await h.call(manager, 'GET', '/api/users')).status).toBe(200);
    const res = await h.call(admin, 'PATCH', `/api/users/${manager.id}`, {
      name: 'Demoted',
      role: 'annotator',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: manager.id, name: 'Demoted', role: 'annotator', status: 'active' });
    const after = await h.call(manager, 'GET', '/api/users');
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe('FORBIDDEN');
  });

  it('keeps the user unchanged for an empty body', async () => {
    const user = await h.user('reviewer');
    const res = await h.call(admin, 'PATCH', `/api/users/${user.id}`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: user.id, role: 'reviewer', status: 'active' });
  });

  it('refuses to let an admin suspend or demote themselves', async () => {
    const self = await h.user('admin');
    for (const body of [{ status: 'suspended' }, { role: 'manager' }]) {
      const res = await h.call(self, 'PATCH', `/api/users/${self.id}`, body);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    expect((await h.call(self, 'GET', '/api/auth/me')).body.user).toMatchObject({
      role: 'admin',
      status: 'active',
    });
    expect((await h.call(self, 'PATCH', `/api/users/${self.id}`, { name: 'Still Admin' })).status).toBe(200);
  });

  it('answers an unknown user with 404', async () => {
    const res = await h.call(admin, 'PATCH', '/api/users/999999', { name: 'Nobody' });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['a non-numeric id', 'abc', { name: 'X' }, 'params.userId'],
    ['a zero id', '0', { name: 'X' }, 'params.userId'],
    ['an unknown status', 'SELF', { status: 'banned' }, 'body.status'],
    ['an unknown role', 'SELF', { role: 'owner' }, 'body.role'],
    ['an empty name', 'SELF', { name: '' }, 'body.name'],
  ])('names the field of %s', async (_, id, body, field) => {
    const user = await h.user('annotator');
    const res = await h.call(admin, 'PATCH', `/api/users/${id === 'SELF' ? user.id : id}`, body);
    expect(invalidField(res)).toBe(field);
  });
});

describe('listing users', () => {
  it('walks every page once, in id order, with no duplicates or gaps', async () => {
    for (let i = 0; i < 12; i++) await h.user('annotator');
    const all = await h.call(admin, 'GET', '/api/users?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeNull();
    const everyone: number[] = all.body.items.map((u: { id: number }) => u.id);
    expect(everyone.length).toBeGreaterThan(12);

    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/users?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await h.call(admin, 'GET', url);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(5);
      if (page.body.nextCursor !== null) expect(page.body.items).toHaveLength(5);
      seen.push(...page.body.items.map((u: { id: number }) => u.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 100);
    expect(seen).toEqual(everyone);
    expect(pages).toBe(Math.ceil(everyone.length / 5));
  });

  it('ends on a full last page without an extra empty one', async () => {
    const all = await h.call(admin, 'GET', '/api/users?limit=500');
    const count: number = all.body.items.length;
    const exact = await h.call(admin, 'GET', `/api/users?limit=${count}`);
    expect(exact.body.items).toHaveLength(count);
    expect(exact.body.nextCursor).toBeNull();
  });

  it('never lists password hashes', async () => {
    const res = await h.call(admin, 'GET', '/api/users?limit=500');
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('lets managers list users', async () => {
    const manager = await h.user('manager');
    expect((await h.call(manager, 'GET', '/api/users')).status).toBe(200);
  });

  it.each([
    ['a cursor it never issued', 'cursor=not-a-cursor', 'query.cursor'],
    ['a cursor of a non-number', `cursor=${Buffer.from('kabc').toString('base64url')}`, 'query.cursor'],
    ['an overlong cursor', `cursor=${'k'.repeat(201)}`, 'query.cursor'],
    ['a zero limit', 'limit=0', 'query.limit'],
    ['a limit above 500', 'limit=501', 'query.limit'],
    ['a non-numeric limit', 'limit=ten', 'query.limit'],
  ])('names the parameter of %s', async (_, query, field) => {
    const res = await h.call(admin, 'GET', `/api/users?${query}`);
    expect(invalidField(res)).toBe(field);
  });
});
