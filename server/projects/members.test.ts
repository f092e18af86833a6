import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { invalidPaths, projectFixtures } from '../testing/project-fixtures.ts';
import { insertUser } from '../users/users.repository.ts';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await startHarness();
  admin = await h.user('admin');
});
afterAll(async () => h.close());

const { unique, createProject, importItems, member } = projectFixtures(() => ({ h, admin }));

describe('members', () => {
  it('adds by email or id, changes the role by adding again, and lists each member once', async () => {
    const id = await createProject();
    const ann = await h.user('annotator');
    const rev = await h.user('reviewer');
    const byEmail = await h.call(admin, 'POST', `/api/projects/${id}/members`, {
      email: ` ${ann.email.toUpperCase()} `,
    });
    expect(byEmail.status).toBe(201);
    expect(byEmail.body).toMatchObject({
      projectId: id,
      userId: ann.id,
      email: ann.email,
      role: 'annotator',
    });
    const byId = await h.call(admin, 'POST', `/api/projects/${id}/members`, {
      userId: rev.id,
      role: 'reviewer',
    });
    expect(byId.body).toMatchObject({ userId: rev.id, role: 'reviewer' });
    const promoted = await h.call(admin, 'POST', `/api/projects/${id}/members`, {
      userId: ann.id,
      role: 'manager',
    });
    expect(promoted.status).toBe(201);
    expect(promoted.body.role).toBe('manager');
    const list = await h.call(admin, 'GET', `/api/projects/${id}/members`);
    expect(list.body.items.map((m: { userId: number; role: string }) => [m.userId, m.role])).toEqual([
      [ann.id, 'manager'],
      [rev.id, 'reviewer'],
    ]);
    // The promotion applies at once: the annotator may now manage the project.
    expect(
      (await h.call(ann, 'PATCH', `/api/projects/${id}`, { guidelines: 'by the new manager' })).status,
    ).toBe(200);
  });

  it('gives a new member the project, and a removed member loses it on the next request', async () => {
    const id = await createProject();
    const user = await h.user('annotator');
    expect((await h.call(user, 'GET', `/api/projects/${id}`)).status).toBe(404);
    await h.call(admin, 'POST', `/api/projects/${id}/members`, { userId: user.id });
    expect((await h.call(user, 'GET', `/api/projects/${id}`)).status).toBe(200);
    const listed = await h.call(user, 'GET', '/api/projects');
    expect(listed.body.items.map((p: { id: number }) => p.id)).toEqual([id]);

    const removed = await h.call(admin, 'DELETE', `/api/projects/${id}/members/${user.id}`);
    expect(removed.status).toBe(204);
    const gone = await h.call(user, 'GET', `/api/projects/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe('NOT_FOUND');
    expect((await h.call(user, 'GET', '/api/projects')).body.items).toEqual([]);
    const again = await h.call(admin, 'DELETE', `/api/projects/${id}/members/${user.id}`);
    expect(again.status).toBe(404);
  });

  it("keeps a removed member's annotations", async () => {
    const id = await createProject();
    await importItems(id, 1);
    const user = await member(id);
    const next = await h.call(user, 'POST', `/api/projects/${id}/assignments/next`);
    await h.call(user, 'POST', `/api/assignments/${next.body.assignment.id}/submit`, {
      answers: { topic: 'other', comment: 'kept after removal' },
      idempotencyKey: 'removal-key-1',
    });
    expect((await h.call(admin, 'DELETE', `/api/projects/${id}/members/${user.id}`)).status).toBe(204);
    const item = await h.call(admin, 'GET', `/api/items/${next.body.item.id}`);
    expect(item.body.annotations.map((a: { userId: number }) => a.userId)).toEqual([user.id]);
    expect((await h.call(admin, 'GET', `/api/projects/${id}`)).body.progress.submitted).toBe(1);
    const exported = await h.call(admin, 'GET', `/api/projects/${id}/export`);
    expect(String(exported.body)).toContain('kept after removal');
  });

  it('answers an unknown user or an external identity with 404', async () => {
    const id = await createProject();
    const external = await insertUser(h.verity.store.db, {
      email: null,
      name: unique('External'),
      role: 'annotator',
      passwordHash: null,
      external: true,
    });
    for (const body of [{ email: 'nobody@example.org' }, { userId: 999_999 }, { userId: external.id }]) {
      const res = await h.call(admin, 'POST', `/api/projects/${id}/members`, body);
      expect(res.status, JSON.stringify(body)).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await h.call(admin, 'GET', `/api/projects/${id}/members`)).body.items).toEqual([]);
  });

  it('names the problem of a member request without a user, or with an unknown role', async () => {
    const id = await createProject();
    const none = await h.call(admin, 'POST', `/api/projects/${id}/members`, { role: 'annotator' });
    expect(invalidPaths(none)[0]).toBe('body');
    expect(none.body.error.message).toContain('userId or email');
    const user = await h.user('annotator');
    const role = await h.call(admin, 'POST', `/api/projects/${id}/members`, {
      userId: user.id,
      role: 'owner',
    });
    expect(invalidPaths(role)[0]).toBe('body.role');
  });
});
