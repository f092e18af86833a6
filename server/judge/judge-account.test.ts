import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../auth/auth.service.ts';
import { keyedHash, newSecret } from '../auth/crypto.ts';
import { insertSession } from '../auth/sessions.repository.ts';
import { insertToken } from '../auth/tokens.repository.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { addConnection, judgeProject } from '../testing/judge-fixtures.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';

/**
 * A model connection made a judge (docs/judge.md): one account per connection, an annotator
 * member marked `model`, which can never sign in or hold a token, and which joins projects only
 * through /judges.
 */

let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;
let manager: TestUser;
let connection: number;
let projectId: number;
let judgeId: number;

beforeAll(async () => {
  h = await startHarness();
  ai = await startOpenAiServer({ models: ['judge-1'] });
  admin = await h.user('admin');
  manager = await h.user('manager');
  connection = await addConnection(h, admin, ai, { name: 'Judge One', model: 'judge-1' });
  ({ projectId } = await judgeProject(h, manager, { items: 2, annotators: 1 }));
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});

describe('a model judge', () => {
  it("joins as the connection's account, an annotator marked model, made once", async () => {
    const added = await h.call(manager, 'POST', `/api/projects/${projectId}/judges`, { connection });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      projectId,
      name: 'Judge One (model)',
      connectionId: connection,
      status: 'active',
    });
    judgeId = added.body.userId;
    const again = await h.call(manager, 'POST', `/api/projects/${projectId}/judges`, { connection });
    expect(again.body.userId).toBe(judgeId);
    const other = await judgeProject(h, manager, { items: 1, annotators: 0, name: 'Another' });
    const elsewhere = await h.call(manager, 'POST', `/api/projects/${other.projectId}/judges`, {
      connection,
    });
    expect(elsewhere.body.userId).toBe(judgeId);

    const members = await h.call(manager, 'GET', `/api/projects/${projectId}/members`);
    const judge = members.body.items.find((m: { userId: number }) => m.userId === judgeId);
    expect(judge).toMatchObject({ role: 'annotator', kind: 'model', email: null });
    expect(members.body.items.filter((m: { kind: string }) => m.kind === 'human')).toHaveLength(1);
    const listed = await h.call(manager, 'GET', `/api/projects/${projectId}/judges`);
    expect(listed.body.items).toEqual([expect.objectContaining({ userId: judgeId })]);
    const row = await h.verity.store.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', judgeId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: null,
      passwordHash: null,
      role: 'annotator',
      modelConnectionId: connection,
    });
    const users = await h.call(admin, 'GET', '/api/users?limit=500');
    expect(users.body.items.find((u: { id: number }) => u.id === judgeId)).toMatchObject({ kind: 'model' });
  });

  it('lists the connections to managers by name and model only, never their address', async () => {
    const choices = await h.call(manager, 'GET', `/api/projects/${projectId}/model-connections`);
    expect(choices.status).toBe(200);
    expect(choices.body.items).toEqual([{ id: connection, name: 'Judge One', model: 'judge-1' }]);
    expect(JSON.stringify(choices.body)).not.toContain(ai.baseURL);
  });

  it('can never sign in or hold a token', async () => {
    // No token can be made for it.
    await expect(createToken(h.verity.ctx, judgeId, 'sneaky')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A token or session row that names it anyway is refused.
    const token = newSecret('vt');
    await insertToken(h.verity.store.db, {
      userId: judgeId,
      name: 'planted',
      tokenHash: keyedHash(h.verity.ctx.secret, token),
      createdAt: Date.now(),
    });
    const byToken = await h.verity.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(byToken.statusCode).toBe(403);
    expect(byToken.body).toContain("model judge's account cannot sign in");
    const sessionId = newSecret('vs');
    await insertSession(h.verity.store.db, {
      idHash: keyedHash(h.verity.ctx.secret, sessionId),
      userId: judgeId,
      csrfToken: 'csrf',
      createdAt: Date.now(),
      expiresAt: Date.now() + 60_000,
    });
    const bySession = await h.verity.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { verity_session: sessionId },
    });
    expect(bySession.statusCode).toBe(403);
    // No password reset link, no other role, no membership through the members route.
    const reset = await h.call(admin, 'POST', `/api/users/${judgeId}/password-reset`);
    expect(reset.status).toBe(409);
    const promote = await h.call(admin, 'PATCH', `/api/users/${judgeId}`, { role: 'admin' });
    expect(promote.status).toBe(409);
    const other = await judgeProject(h, manager, { items: 1, annotators: 0, name: 'Third' });
    const asMember = await h.call(admin, 'POST', `/api/projects/${other.projectId}/members`, {
      userId: judgeId,
      role: 'manager',
    });
    expect(asMember.status).toBe(404);
  });

  it('refuses a connection that does not exist, and a run of a project without judge questions', async () => {
    const missing = await h.call(manager, 'POST', `/api/projects/${projectId}/judges`, {
      connection: 999_999,
    });
    expect(missing.status).toBe(404);
    const bad = await h.call(manager, 'POST', `/api/projects/${projectId}/judges/${judgeId}/run`, {
      questions: ['note'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('"note" is not a question of this project that a judge answers');
    const notJudge = await h.call(manager, 'POST', `/api/projects/${projectId}/judges/${manager.id}/run`, {});
    expect(notJudge.status).toBe(404);
  });
});
