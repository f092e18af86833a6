import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_DEFAULT_HOURS, INVITE_MAX_HOURS } from '../../core/api/invites.ts';
import { buildProject } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import {
  accountState,
  auditOf,
  getWithSession,
  makeInvite,
  postPublic,
  seedSkills,
} from '../testing/onboarding-fixture.ts';

/** Invite links (docs/onboarding.md): made, previewed, accepted once, refused once unusable. */

let h: Harness;
let admin: TestUser;
let project: number;
let other: number;
// The server's clock, moved past expiries; contract windows are read against it too.
let clock = Date.now();
let serial = 0;
const email = () => `invitee-${++serial}-${Date.now()}@example.org`;
const accept = (token: string, more: object = {}) =>
  postPublic(h, '/api/invites/accept', { token, name: 'New Tutor', password: 'a-long-password-1', ...more });

beforeAll(async () => {
  h = await startHarness({ clock: () => clock });
  admin = await h.user('admin');
  project = await buildProject(h, admin);
  other = await buildProject(h, admin);
  await seedSkills(h, ['math', 'math.algebra', 'code.python']);
});
afterAll(async () => h.close());

describe('making an invite link', () => {
  it('answers the link once, stores only its hash, lists it without the token, and audits it', async () => {
    const to = email();
    const made = await makeInvite(h, admin, {
      email: to,
      role: 'reviewer',
      skills: { 'math.algebra': 2 },
      projects: [{ projectId: project, role: 'reviewer' }],
    });
    expect(made.url).toMatch(/^http:\/\/localhost(:\d+)?\/invite#token=vi_[\w-]{43}$/);
    expect(made).toMatchObject({
      status: 'pending',
      email: to,
      role: 'reviewer',
      skills: { 'math.algebra': 2 },
    });
    expect(Date.parse(made.expiresAt) - clock).toBe(INVITE_DEFAULT_HOURS * 3600_000);
    const stored = await h.verity.store.db
      .selectFrom('inviteLinks')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(made.token);
    const listed = await h.call(admin, 'GET', '/api/invites');
    expect(listed.body.items.find((i: { id: number }) => i.id === made.id)).toMatchObject({
      status: 'pending',
    });
    expect(JSON.stringify(listed.body)).not.toContain(made.token);
    expect(JSON.stringify(listed.body)).not.toContain('url');
    const audit = (await auditOf(h, 'invite.create')).find((a) => a.targetId === String(made.id));
    expect(audit).toMatchObject({ actorId: admin.id, targetEmail: to, after: { role: 'reviewer' } });
    expect(JSON.stringify(audit)).not.toContain(made.token);
  });

  it('refuses an unknown skill, an expiry past the maximum, and a project twice, naming the field', async () => {
    const bad = async (body: object) => (await h.call(admin, 'POST', '/api/invites', body)).body.error;
    expect((await bad({ skills: { 'lang.xx': 1 } })).details[0].path).toBe('body.skills.lang.xx');
    expect((await bad({ expiresInHours: INVITE_MAX_HOURS + 1 })).details[0].path).toBe('body.expiresInHours');
    const twice = await bad({ projects: [{ projectId: project }, { projectId: project }] });
    expect(twice.details[0].path).toBe('body.projects[1].projectId');
  });

  it('lets a manager give annotator or reviewer only, and a project manager only projects they manage', async () => {
    const manager = await h.user('manager');
    expect((await h.call(manager, 'POST', '/api/invites', { role: 'manager' })).body.error.code).toBe(
      'FORBIDDEN',
    );
    expect((await h.call(manager, 'POST', '/api/invites', { role: 'reviewer' })).status).toBe(201);
    const lead = await h.user('annotator');
    await h.call(admin, 'POST', `/api/projects/${project}/members`, { userId: lead.id, role: 'manager' });
    const own = await h.call(lead, 'POST', '/api/invites', { projects: [{ projectId: project }] });
    expect(own.status).toBe(201);
    const elsewhere = await h.call(lead, 'POST', '/api/invites', { projects: [{ projectId: other }] });
    expect(elsewhere.body.error.code).toBe('NOT_FOUND');
    const none = await h.call(lead, 'POST', '/api/invites', {});
    expect(none.body.error.details[0].path).toBe('body.projects');
    // The project manager sees their own invites only.
    const listed = await h.call(lead, 'GET', '/api/invites');
    expect(listed.body.items.map((i: { id: number }) => i.id)).toEqual([own.body.id]);
  });
});

describe('previewing and accepting', () => {
  it('previews what the invite grants and nothing of who made it', async () => {
    const made = await makeInvite(h, admin, {
      role: 'annotator',
      skills: { math: 2 },
      projects: [{ projectId: project }],
      contractEnd: '2099-01-01T00:00:00Z',
    });
    const seen = await postPublic(h, '/api/invites/preview', { token: made.token });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({
      role: 'annotator',
      skills: { math: 2 },
      projects: [{ projectId: project, role: 'annotator' }],
      contractStart: null,
      contractEnd: '2099-01-01T00:00:00.000Z',
      email: null,
      sso: false,
    });
    expect(JSON.stringify(seen.body)).not.toContain(admin.email);
    expect(Object.keys(seen.body)).not.toContain('createdBy');
  });

  it('makes the account with every preset in one go, signs in and lands in their work', async () => {
    const to = email();
    const made = await makeInvite(h, admin, {
      email: to,
      role: 'reviewer',
      skills: { 'math.algebra': 3, 'code.python': 1 },
      projects: [
        { projectId: project, role: 'annotator' },
        { projectId: other, role: 'reviewer' },
      ],
      contractStart: '2020-01-01T00:00:00Z',
      contractEnd: '2099-01-01T00:00:00Z',
    });
    const res = await accept(made.token, { name: 'Ada Tutor' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      landing: '/my-work',
      user: { email: to, name: 'Ada Tutor', role: 'reviewer' },
    });
    const state = (await accountState(h, to))!;
    expect(state.user).toMatchObject({
      role: 'reviewer',
      contractStart: Date.parse('2020-01-01T00:00:00Z'),
      contractEnd: Date.parse('2099-01-01T00:00:00Z'),
    });
    expect(state.skills).toEqual([
      { skill: 'code.python', level: 1, source: 'invite', grantedBy: admin.id },
      { skill: 'math.algebra', level: 3, source: 'invite', grantedBy: admin.id },
    ]);
    expect(state.memberships).toEqual([
      { projectId: project, role: 'annotator' },
      { projectId: other, role: 'reviewer' },
    ]);
    // The session works as a sign-in's, and their projects are there.
    const me = await getWithSession(h, '/api/auth/me', res.session!);
    expect(me.body.user.email).toBe(to);
    const mine = await getWithSession(h, '/api/projects?limit=100', res.session!);
    expect(mine.body.items.map((p: { id: number }) => p.id).sort()).toEqual([project, other].sort());
    // And the password works for a later sign-in.
    const login = await postPublic(h, '/api/auth/login', { email: to, password: 'a-long-password-1' });
    expect(login.status).toBe(200);
    const audit = (await auditOf(h, 'invite.accept')).find((a) => a.targetId === String(made.id));
    expect(audit).toMatchObject({ actorId: state.user.id, targetEmail: to, after: { via: 'password' } });
    const listed = await h.call(admin, 'GET', '/api/invites?status=used');
    expect(listed.body.items.find((i: { id: number }) => i.id === made.id)).toMatchObject({
      usedBy: state.user.id,
    });
  });

  it('works once: a used link is refused for preview and accept', async () => {
    const made = await makeInvite(h, admin, {});
    expect((await accept(made.token, { email: email() })).status).toBe(201);
    expect((await accept(made.token, { email: email() })).body.error.code).toBe('INVITE_USED');
    expect((await postPublic(h, '/api/invites/preview', { token: made.token })).body.error.code).toBe(
      'INVITE_USED',
    );
  });

  it('refuses an expired link, a withdrawn one and an unknown token, each by its own code', async () => {
    const expiring = await makeInvite(h, admin, { expiresInHours: 1 });
    const revoked = await makeInvite(h, admin, {});
    const revoke = await h.call(admin, 'POST', `/api/invites/${revoked.id}/revoke`);
    expect(revoke.body.status).toBe('revoked');
    expect((await auditOf(h, 'invite.revoke')).map((a) => a.targetId)).toContain(String(revoked.id));
    expect((await h.call(admin, 'POST', `/api/invites/${revoked.id}/revoke`)).status).toBe(409);
    expect((await accept(revoked.token, { email: email() })).body.error.code).toBe('INVITE_REVOKED');
    expect((await accept('vi_not-a-token-we-made', { email: email() })).body.error.code).toBe(
      'INVITE_INVALID',
    );
    const saved = clock;
    clock = Date.parse(expiring.expiresAt);
    try {
      const late = await accept(expiring.token, { email: email() });
      expect([late.status, late.body.error.code]).toEqual([410, 'INVITE_EXPIRED']);
    } finally {
      clock = saved;
    }
    expect((await accept(expiring.token, { email: email() })).status).toBe(201);
  });

  it("refuses another email than the invite's, and asks for one when the invite names none", async () => {
    const to = email();
    const bound = await makeInvite(h, admin, { email: to });
    const wrong = await accept(bound.token, { email: email() });
    expect([wrong.status, wrong.body.error.code]).toEqual([403, 'INVITE_EMAIL_MISMATCH']);
    const open = await makeInvite(h, admin, {});
    expect((await accept(open.token)).body.error.details[0].path).toBe('body.email');
    expect((await accept(bound.token)).body.user.email).toBe(to);
  });

  it('refuses an address that has an account, and leaves the link usable', async () => {
    const existing = await h.user('annotator');
    const made = await makeInvite(h, admin, {});
    const taken = await accept(made.token, { email: existing.email });
    expect(taken.body.error.code).toBe('CONFLICT');
    expect((await accept(made.token, { email: email() })).status).toBe(201);
  });

  it('makes the account of a contract that has not started, and says when it may sign in', async () => {
    const to = email();
    const made = await makeInvite(h, admin, { email: to, contractStart: '2099-01-01T00:00:00Z' });
    const res = await accept(made.token);
    expect([res.status, res.body.error.code, res.session]).toEqual([403, 'CONTRACT_NOT_STARTED', null]);
    expect((await accountState(h, to))?.user.contractStart).toBe(Date.parse('2099-01-01T00:00:00Z'));
  });

  it('of two accepts at once, exactly one wins and one account is made', async () => {
    for (let round = 0; round < 3; round++) {
      const made = await makeInvite(h, admin, { projects: [{ projectId: project }] });
      const emails = [email(), email()];
      const results = await Promise.all(emails.map((e) => accept(made.token, { email: e })));
      expect(results.map((r) => r.status).sort()).toEqual([201, 410]);
      expect(results.find((r) => r.status === 410)?.body.error.code).toBe('INVITE_USED');
      const made2 = await Promise.all(emails.map((e) => accountState(h, e)));
      expect(made2.filter(Boolean)).toHaveLength(1);
    }
  });
});
