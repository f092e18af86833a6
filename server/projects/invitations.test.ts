import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject } from '../testing/factories.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';

/**
 * What a project manager (a member with the manager role, whose account is no admin or manager)
 * can learn about accounts through members and invitations: only what they already see.
 */

let h: Harness;
let admin: TestUser;
let globalManager: TestUser;
let lead: TestUser;
/** An account the lead has never shared a project with. */
let stranger: TestUser;
let project: number;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
  globalManager = await h.user('manager');
  lead = await h.user('annotator');
  stranger = await h.user('annotator');
  project = await buildProject(h, admin);
  await h.call(admin, 'POST', `/api/projects/${project}/members`, { userId: lead.id, role: 'manager' });
});
afterAll(async () => h.close());

const members = async (projectId = project) =>
  (await h.call(admin, 'GET', `/api/projects/${projectId}/members`)).body.items.map(
    (m: { userId: number; role: string }) => [m.userId, m.role],
  );
const invite = (who: TestUser, email: string, role = 'annotator') =>
  h.call(who, 'POST', `/api/projects/${project}/invitations`, { email, role });
/** A response with its ids and times masked, to compare two answers for what they tell. */
const shape = (res: { status: number; body: unknown }) =>
  JSON.stringify(res).replace(/"(id|createdAt)":("[^"]*"|\d+)/g, '"$1":_');

describe('adding members as a project manager', () => {
  it('answers a user they cannot see exactly as a user that does not exist', async () => {
    const hidden = await h.call(lead, 'POST', `/api/projects/${project}/members`, { userId: stranger.id });
    const missing = await h.call(lead, 'POST', `/api/projects/${project}/members`, { userId: 99_999_999 });
    expect(hidden.status).toBe(404);
    expect(hidden).toEqual(missing);
    expect(JSON.stringify(hidden.body)).not.toContain(stranger.email);
    expect(await members()).not.toContainEqual([stranger.id, 'annotator']);
  });

  it('refuses adding by email the same way whether or not the account exists', async () => {
    const existing = await h.call(lead, 'POST', `/api/projects/${project}/members`, {
      email: stranger.email,
    });
    const unknown = await h.call(lead, 'POST', `/api/projects/${project}/members`, {
      email: 'nobody-at-all@example.org',
    });
    expect(existing.status).toBe(403);
    expect(existing.body.error.code).toBe('FORBIDDEN');
    expect(existing).toEqual(unknown);
  });

  it('adds by id someone who is a member of another project they manage', async () => {
    const other = await buildProject(h, admin);
    const colleague = await h.user('annotator');
    await h.call(admin, 'POST', `/api/projects/${other}/members`, { userId: lead.id, role: 'manager' });
    await h.call(admin, 'POST', `/api/projects/${other}/members`, { userId: colleague.id });
    const res = await h.call(lead, 'POST', `/api/projects/${project}/members`, {
      userId: colleague.id,
      role: 'reviewer',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: colleague.id, email: colleague.email, role: 'reviewer' });
  });

  it('does not see people through a project where they are only an annotator', async () => {
    const other = await buildProject(h, admin);
    const there = await h.user('annotator');
    await h.call(admin, 'POST', `/api/projects/${other}/members`, { userId: lead.id, role: 'annotator' });
    await h.call(admin, 'POST', `/api/projects/${other}/members`, { userId: there.id });
    const res = await h.call(lead, 'POST', `/api/projects/${project}/members`, { userId: there.id });
    expect(res.status).toBe(404);
  });

  it('lets admins and managers look any account up, by id or email', async () => {
    const a = await h.user('annotator');
    const b = await h.user('annotator');
    expect((await h.call(admin, 'POST', `/api/projects/${project}/members`, { userId: a.id })).status).toBe(
      201,
    );
    const byEmail = await h.call(globalManager, 'POST', `/api/projects/${project}/members`, {
      email: b.email,
    });
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toMatchObject({ userId: b.id, email: b.email });
  });
});

describe('invitations by email', () => {
  it('answer the same whether or not the address has an account, and add no one yet', async () => {
    const before = await members();
    const existing = await invite(lead, stranger.email);
    const unknown = await invite(lead, 'not-yet@example.org');
    expect(existing.status).toBe(201);
    expect(shape(existing)).toEqual(shape(unknown).replace('not-yet@example.org', stranger.email));
    expect(await members()).toEqual(before);
    const listed = await h.call(lead, 'GET', `/api/projects/${project}/invitations`);
    expect(listed.body.items.map((i: { email: string }) => i.email)).toEqual([
      stranger.email,
      'not-yet@example.org',
    ]);
  });

  it('become a membership with the invited role when that account signs in', async () => {
    const invitee = await h.user('annotator');
    expect((await invite(lead, invitee.email.toUpperCase(), 'reviewer')).status).toBe(201);
    const login = await h.call(null, 'POST', '/api/auth/login', {
      email: invitee.email,
      password: invitee.password,
    });
    expect(login.status).toBe(200);
    expect(await members()).toContainEqual([invitee.id, 'reviewer']);
    const listed = await h.call(lead, 'GET', `/api/projects/${project}/invitations`);
    expect(listed.body.items.map((i: { email: string }) => i.email)).not.toContain(invitee.email);
  });

  it('become a membership when an admin creates the account', async () => {
    const email = `invited-${Date.now()}@example.org`;
    expect((await invite(lead, email)).status).toBe(201);
    const created = await h.call(admin, 'POST', '/api/users', { email, name: 'Invited' });
    expect(created.status).toBe(201);
    expect(await members()).toContainEqual([created.body.id, 'annotator']);
  });

  it('change the role when the same email is invited again, and can be cancelled', async () => {
    const email = `twice-${Date.now()}@example.org`;
    const first = await invite(lead, email);
    const again = await invite(lead, email, 'manager');
    expect(again.body).toMatchObject({ id: first.body.id, role: 'manager' });
    const cancel = await h.call(lead, 'DELETE', `/api/projects/${project}/invitations/${first.body.id}`);
    expect(cancel.status).toBe(204);
    const listed = await h.call(lead, 'GET', `/api/projects/${project}/invitations`);
    expect(listed.body.items.map((i: { email: string }) => i.email)).not.toContain(email);
    const created = await h.call(admin, 'POST', '/api/users', { email, name: 'Not Invited' });
    expect(await members()).not.toContainEqual([created.body.id, 'manager']);
    const gone = await h.call(lead, 'DELETE', `/api/projects/${project}/invitations/${first.body.id}`);
    expect(gone.status).toBe(404);
  });

  it('say so when the address is already a member, which the member list shows anyway', async () => {
    const res = await invite(lead, lead.email);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe(`${lead.email} is already a member of this project.`);
  });

  it('name an invalid email as the field', async () => {
    const res = await invite(lead, 'not an email');
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.email');
  });
});
