import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient } from '../testing/auth-client.ts';
import { buildTeam, claimProblems, next, saveDraft, submit, validAnswers } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { insertUser } from './users.repository.ts';

/** Suspending, offboarding and reinstating users in bulk (`POST /api/users/status`, docs/users.md). */
let h: Harness;
let admin: TestUser;
const client = authClient(() => h);
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const bulk = (body: unknown, who: TestUser = admin) => h.call(who, 'POST', '/api/users/status', body);
const me = async (req: { cookie?: string; token?: string }) => {
  const res = await client.send({ url: '/api/auth/me', ...req });
  return [res.status, res.body?.error?.code ?? 'ok'];
};

describe('suspending a tutor who holds a session, a token and a lock', () => {
  it('refuses both on the next request, frees the item at once, keeps the draft and the submission in metrics and exports', async () => {
    const team = await buildTeam(h, { overlap: 1, items: 3, annotators: 1 });
    const bo = team.annotators[0]!;
    const tutor = await h.user('annotator');
    await h.call(team.manager, 'POST', `/api/projects/${team.projectId}/members`, { userId: tutor.id });
    const session = await client.login(tutor.email, tutor.password);
    const done = await next(h, tutor, team.projectId);
    expect((await submit(h, tutor, done.body.assignment.id, validAnswers)).status).toBe(200);
    const held = await next(h, tutor, team.projectId);
    const draft = { topic: 'geometry' };
    expect((await saveDraft(h, tutor, held.body.assignment.id, draft)).status).toBe(200);
    expect(await me({ cookie: session.cookie })).toEqual([200, 'ok']);

    const res = await bulk({ action: 'suspend', emails: [tutor.email.toUpperCase()] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      action: 'suspend',
      results: [{ target: tutor.email, userId: tutor.id, outcome: 'suspended' }],
      changed: 1,
      locksReleased: 1,
    });

    expect(await me({ cookie: session.cookie })).toEqual([403, 'ACCOUNT_SUSPENDED']);
    expect(await me({ token: tutor.token })).toEqual([403, 'ACCOUNT_SUSPENDED']);
    // Bo takes the untouched item, then the held one: claimable at once, not after the lock time.
    const taken: number[] = [];
    for (let i = 0; i < 2; i++) {
      const got = await next(h, bo, team.projectId);
      expect(got.status, JSON.stringify(got.body)).toBe(200);
      taken.push(got.body.item.id);
      expect((await submit(h, bo, got.body.assignment.id, validAnswers)).status).toBe(200);
    }
    expect(taken).toContain(held.body.item.id);
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);

    const kept = await h.verity.store.db
      .selectFrom('annotations')
      .select(['itemId', 'status', 'answers'])
      .where('userId', '=', tutor.id)
      .orderBy('itemId')
      .execute();
    expect(kept).toEqual([
      { itemId: done.body.item.id, status: 'submitted', answers: JSON.stringify(validAnswers) },
      { itemId: held.body.item.id, status: 'draft', answers: JSON.stringify(draft) },
    ]);
    const stats = await h.call(team.manager, 'GET', `/api/projects/${team.projectId}/stats`);
    expect(stats.body.annotators.find((a: { email: string }) => a.email === tutor.email)).toMatchObject({
      submitted: 1,
    });
    const exported = await h.call(
      team.manager,
      'GET',
      `/api/projects/${team.projectId}/export?submitted=only&annotator=${encodeURIComponent(tutor.email)}`,
    );
    expect(exported.status, exported.body).toBe(200);
    const lines = String(exported.body)
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual([done.body.item.id]);
    expect(lines[0].annotations).toMatchObject([
      { annotator: tutor.email, status: 'submitted', answers: validAnswers },
    ]);
  });
});

describe('the bulk status route', () => {
  it('reports each email and id: changed, already so, or not found, and changes nothing for the caller', async () => {
    const [a, b] = [await h.user('annotator'), await h.user('reviewer')];
    expect((await bulk({ action: 'suspend', emails: [a.email] })).body.changed).toBe(1);
    const res = await bulk({
      action: 'suspend',
      emails: [a.email, b.email, 'nobody@example.org', b.email],
      userIds: [999_999, b.id],
    });
    expect(res.body.results).toEqual([
      { target: a.email, userId: a.id, outcome: 'already_suspended' },
      { target: b.email, userId: b.id, outcome: 'suspended' },
      { target: 'nobody@example.org', userId: null, outcome: 'not_found' },
      { target: '999999', userId: null, outcome: 'not_found' },
      { target: String(b.id), userId: b.id, outcome: 'suspended' },
    ]);
    expect(res.body.changed).toBe(1);

    const self = await bulk({ action: 'suspend', emails: [a.email], userIds: [admin.id] });
    expect([self.status, self.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const selfByEmail = await bulk({ action: 'offboard', emails: [admin.email] });
    expect([selfByEmail.status, selfByEmail.body.error.code]).toEqual([403, 'FORBIDDEN']);
    expect(await me({ token: admin.token })).toEqual([200, 'ok']);
  });

  it.each([
    ['no users', { action: 'suspend' }, 'body.emails'],
    ['an unknown action', { action: 'ban', emails: ['a@example.org'] }, 'body.action'],
    ['a bad email', { action: 'suspend', emails: ['not-an-email'] }, 'body.emails[0]'],
    ['a bad id', { action: 'suspend', userIds: [0] }, 'body.userIds[0]'],
  ])('refuses %s, naming the field', async (_, body, field) => {
    const res = await bulk(body);
    expect([res.status, res.body.error.code, res.body.error.details[0].path]).toEqual([
      400,
      'VALIDATION_FAILED',
      field,
    ]);
  });

  it('reinstates access but not the tokens offboarding revoked', async () => {
    const [kept, gone] = [await h.user('annotator'), await h.user('annotator')];
    const suspendedSession = await client.login(kept.email, kept.password);
    await bulk({ action: 'suspend', emails: [kept.email] });
    const off = await bulk({ action: 'offboard', emails: [kept.email, gone.email] });
    expect(off.body.results.map((r: { outcome: string }) => r.outcome)).toEqual(['offboarded', 'offboarded']);
    const again = await bulk({ action: 'offboard', emails: [gone.email] });
    expect(again.body.results[0].outcome).toBe('already_offboarded');
    const listed = await h.call(admin, 'GET', `/api/users?q=${encodeURIComponent(gone.email)}`);
    expect(listed.body.items[0]).toMatchObject({ status: 'suspended', offboardedAt: expect.any(String) });

    const back = await bulk({ action: 'reinstate', emails: [kept.email, gone.email, admin.email] });
    expect(back.body.results.map((r: { outcome: string }) => r.outcome)).toEqual([
      'reinstated',
      'reinstated',
      'already_active',
    ]);
    // Offboarding revoked the tokens: they stay revoked. Sessions were ended: sign in again.
    expect(await me({ token: kept.token })).toEqual([401, 'UNAUTHENTICATED']);
    expect(await me({ cookie: suspendedSession.cookie })).toEqual([401, 'UNAUTHENTICATED']);
    const fresh = await client.login(gone.email, gone.password);
    expect(await me({ cookie: fresh.cookie })).toEqual([200, 'ok']);
    const after = await h.call(admin, 'GET', `/api/users?q=${encodeURIComponent(gone.email)}`);
    expect(after.body.items[0]).toMatchObject({ status: 'active', offboardedAt: null });
  });

  it('reinstates a suspended user with their token working again', async () => {
    const tutor = await h.user('annotator');
    await bulk({ action: 'suspend', userIds: [tutor.id] });
    expect(await me({ token: tutor.token })).toEqual([403, 'ACCOUNT_SUSPENDED']);
    expect((await bulk({ action: 'reinstate', userIds: [tutor.id] })).body.changed).toBe(1);
    expect(await me({ token: tutor.token })).toEqual([200, 'ok']);
  });

  it('suspends 500 users holding locks in one call, and their items are claimable at once', async () => {
    const team = await buildTeam(h, { overlap: 1, items: 501, annotators: 1 });
    const emails: string[] = [];
    const ids: number[] = [];
    for (let i = 0; i < 500; i++) {
      const email = `bulk-${i}-${team.projectId}@example.org`;
      const row = await insertUser(h.verity.store.db, {
        email,
        name: `Bulk ${i}`,
        role: 'annotator',
        passwordHash: null,
      });
      emails.push(email);
      ids.push(row.id);
    }
    // Each holds a lock on one item, written as a claim would leave it.
    const now = Date.now();
    await h.verity.store.db
      .insertInto('projectMembers')
      .values(ids.map((userId) => ({ projectId: team.projectId, userId, role: 'annotator', addedAt: now })))
      .execute();
    await h.verity.store.db
      .insertInto('assignments')
      .values(
        ids.map((userId, i) => ({
          projectId: team.projectId,
          itemId: team.itemIds[i]!,
          userId,
          status: 'locked' as const,
          lockExpiresAt: now + 3_600_000,
          skipReason: null,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
    await h.verity.store.db
      .updateTable('items')
      .set({ slotsLeft: 0 })
      .where('id', 'in', team.itemIds.slice(0, 500))
      .execute();
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);

    const started = performance.now();
    const res = await bulk({ action: 'suspend', emails });
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    expect(res.body.changed).toBe(500);
    expect(res.body.locksReleased).toBe(500);
    expect(new Set(res.body.results.map((r: { outcome: string }) => r.outcome))).toEqual(
      new Set(['suspended']),
    );
    console.log(`suspended 500 users with 500 locks in ${ms.toFixed(0)} ms`);
    const free = await h.verity.store.db
      .selectFrom('items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('projectId', '=', team.projectId)
      .where('slotsLeft', '=', 1)
      .executeTakeFirstOrThrow();
    expect(Number(free.n)).toBe(501);
    expect(await claimProblems(h, team.projectId, 1)).toEqual([]);
    const got = await next(h, team.annotators[0]!, team.projectId);
    expect(got.body.item.id).toBe(team.itemIds[0]);
  });
});
