import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * Contract windows (docs/users.md): access from the start (inclusive) to the end (exclusive),
 * checked against the server's clock on every request, for sessions and tokens alike.
 */
let h: Harness;
let admin: TestUser;
// The server's clock: tests move it; whole seconds, so the boundary second is exact.
const base = Math.floor(Date.now() / 1000) * 1000;
let clock = base;
const client = authClient(() => h);

beforeAll(async () => {
  h = await startHarness({ clock: () => clock });
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const iso = (ms: number) => new Date(ms).toISOString();
const setWindow = (who: TestUser, body: { contractStart?: string | null; contractEnd?: string | null }) =>
  h.call(admin, 'PATCH', `/api/users/${who.id}`, body);

/** The status and error code of a request with the session, then with the token. */
async function both(who: TestUser, session: { cookie: string }) {
  const bySession = await client.send({ url: '/api/auth/me', cookie: session.cookie });
  const byToken = await h.call(who, 'GET', '/api/auth/me');
  return [
    [bySession.status, bySession.body?.error?.code ?? 'ok'],
    [byToken.status, byToken.body?.error?.code ?? 'ok'],
  ];
}
const allowed = [
  [200, 'ok'],
  [200, 'ok'],
];
const refused = (code: string) => [
  [403, code],
  [403, code],
];

describe('contract windows', () => {
  it('lets a user in from the start second (inclusive) to the end second (exclusive), sessions and tokens alike', async () => {
    const tutor = await h.user('annotator');
    const start = base + 3_600_000;
    const end = base + 3 * 3_600_000;
    const set = await setWindow(tutor, { contractStart: iso(start), contractEnd: iso(end) });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ contractStart: iso(start), contractEnd: iso(end), offboardedAt: null });

    clock = start - 1000;
    const early = await client.send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: tutor.email, password: tutor.password },
    });
    expect([early.status, early.body.error.code]).toEqual([403, 'CONTRACT_NOT_STARTED']);
    expect(early.body.error.message).toContain(iso(start));
    expect((await h.call(tutor, 'GET', '/api/auth/me')).body.error.code).toBe('CONTRACT_NOT_STARTED');

    clock = start;
    const session = await client.login(tutor.email, tutor.password);
    expect(await both(tutor, session)).toEqual(allowed);
    clock = end - 1000;
    expect(await both(tutor, session)).toEqual(allowed);
    clock = end;
    expect(await both(tutor, session)).toEqual(refused('CONTRACT_ENDED'));
    const late = await client.send({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: tutor.email, password: tutor.password },
    });
    expect([late.status, late.body.error.code]).toEqual([403, 'CONTRACT_ENDED']);
    // Back to start − 1 s: the same session and token are refused as not started.
    clock = start - 1000;
    expect(await both(tutor, session)).toEqual(refused('CONTRACT_NOT_STARTED'));

    // Extending the contract lets the same session and token in again on the next request.
    clock = end;
    expect((await setWindow(tutor, { contractEnd: iso(end + 1000) })).status).toBe(200);
    expect(await both(tutor, session)).toEqual(allowed);
    clock = end + 1000;
    expect(await both(tutor, session)).toEqual(refused('CONTRACT_ENDED'));
    expect((await setWindow(tutor, { contractStart: null, contractEnd: null })).body).toMatchObject({
      contractStart: null,
      contractEnd: null,
    });
    expect(await both(tutor, session)).toEqual(allowed);
    clock = base;
  });

  it('a suspension is reported before the window', async () => {
    const tutor = await h.user('annotator');
    expect((await setWindow(tutor, { contractEnd: iso(base - 1000) })).status).toBe(200);
    expect((await h.call(tutor, 'GET', '/api/auth/me')).body.error.code).toBe('CONTRACT_ENDED');
    expect((await h.call(admin, 'PATCH', `/api/users/${tutor.id}`, { status: 'suspended' })).status).toBe(
      200,
    );
    expect((await h.call(tutor, 'GET', '/api/auth/me')).body.error.code).toBe('ACCOUNT_SUSPENDED');
  });

  it.each([
    [
      'an end before the start',
      { contractStart: '2027-02-01T00:00:00Z', contractEnd: '2027-01-01T00:00:00Z' },
      'body.contractEnd',
    ],
    [
      'an end equal to the start',
      { contractStart: '2027-01-01T00:00:00Z', contractEnd: '2027-01-01T00:00:00Z' },
      'body.contractEnd',
    ],
    ['a date without a time', { contractStart: '2027-01-01' }, 'body.contractStart'],
    ['a time without an offset', { contractEnd: '2027-01-01T09:00:00' }, 'body.contractEnd'],
    ['a number', { contractEnd: 1798761600000 }, 'body.contractEnd'],
  ])('refuses %s, naming the field', async (_, body, field) => {
    const tutor = await h.user('annotator');
    const res = await setWindow(tutor, body as never);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details[0].path).toBe(field);
    expect(res.body.error.message.startsWith(field)).toBe(true);
  });

  it('checks one side against the other side already stored', async () => {
    const tutor = await h.user('annotator');
    expect((await setWindow(tutor, { contractStart: '2027-03-01T00:00:00Z' })).status).toBe(200);
    const endFirst = await setWindow(tutor, { contractEnd: '2027-02-01T00:00:00+01:00' });
    expect([endFirst.status, endFirst.body.error.details[0].path]).toEqual([400, 'body.contractEnd']);
    expect(endFirst.body.error.message).toBe(
      'body.contractEnd: must be later than contractStart (2027-03-01T00:00:00.000Z)',
    );
    expect((await setWindow(tutor, { contractEnd: '2027-04-01T00:00:00Z' })).status).toBe(200);
    const startAfter = await setWindow(tutor, { contractStart: '2027-05-01T00:00:00Z' });
    expect([startAfter.status, startAfter.body.error.details[0].path]).toEqual([400, 'body.contractStart']);
    expect(startAfter.body.error.message).toBe(
      'body.contractStart: must be earlier than contractEnd (2027-04-01T00:00:00.000Z)',
    );
    // An offset is taken into account: stored as the UTC instant.
    const moved = await setWindow(tutor, { contractStart: '2027-03-01T09:00:00+02:00' });
    expect(moved.body.contractStart).toBe('2027-03-01T07:00:00.000Z');
  });

  it('refuses an admin a window that would lock themself out, and lets them set one that does not', async () => {
    const self = await h.user('admin');
    const res = await h.call(self, 'PATCH', `/api/users/${self.id}`, { contractEnd: iso(base) });
    expect([res.status, res.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const ok = await h.call(self, 'PATCH', `/api/users/${self.id}`, { contractEnd: iso(base + 1000) });
    expect(ok.status).toBe(200);
  });
});
