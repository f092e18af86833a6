import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verity } from '../server.ts';
import { buildProject } from '../testing/factories.ts';
import { type Harness, injectApi, startHarness, type TestUser } from '../testing/harness.ts';
import { jobServer, until } from '../testing/job-fixtures.ts';
import { TEST_JOB_KIND } from '../testing/job-test-kind.ts';
import { type JobTestServer, startJobTestServer } from '../testing/job-test-server.ts';

/** GET /api/jobs, GET /api/jobs/:id and cancel, as admins and a project's managers see them. */

let h: Harness;
let remote: JobTestServer;
let s: Verity;
let api: ReturnType<typeof injectApi>;
let admin: TestUser;
let member: TestUser;
let projectA: number;
let projectB: number;

beforeAll(async () => {
  h = await startHarness();
  remote = await startJobTestServer();
  s = await jobServer(h, true, { maxAttempts: 1 });
  api = injectApi(s);
  admin = await h.user('admin');
  member = await h.user('annotator');
  projectA = await buildProject(h, admin);
  projectB = await buildProject(h, admin);
  const added = await h.call(admin, 'POST', `/api/projects/${projectA}/members`, {
    userId: member.id,
    role: 'manager',
  });
  expect(added.status).toBe(201);
});
afterAll(async () => {
  await remote.close();
  await h.close();
});

const enqueue = (projectId: number | null, keys: string[]) =>
  s.ctx.jobs.enqueue({
    kind: TEST_JOB_KIND,
    projectId,
    params: { url: remote.url, keys },
    createdBy: admin.id,
  });

const ended = (who: TestUser, id: number) =>
  until(async () => {
    const res = await api.call(who, 'GET', `/api/jobs/${id}`);
    return ['succeeded', 'failed', 'cancelled'].includes(res.body.status) ? res.body : undefined;
  });

describe('jobs through the API', () => {
  it("shows a job's counts, progress, timings and failed steps", async () => {
    remote.script('api-bad-1', [{ status: 400, body: 'refused one' }]);
    remote.script('api-bad-2', [{ status: 422, body: 'refused two' }]);
    const id = await enqueue(projectA, ['api-ok-1', 'api-bad-1', 'api-ok-2', 'api-bad-2']);
    const job = await ended(member, id);
    expect(job).toMatchObject({
      id,
      kind: TEST_JOB_KIND,
      projectId: projectA,
      status: 'failed',
      totalSteps: 4,
      doneSteps: 2,
      failedSteps: 2,
      progress: 1,
      steps: { pending: 0, running: 0, done: 2, failed: 2, cancelled: 0 },
      error: '2 of 4 steps failed; the first (api-bad-1): the test server answered 400: refused one',
    });
    expect(job.failures.map((f: { key: string; error: string }) => [f.key, f.error])).toEqual([
      ['api-bad-1', 'the test server answered 400: refused one'],
      ['api-bad-2', 'the test server answered 422: refused two'],
    ]);
    expect(Date.parse(job.finishedAt)).toBeGreaterThanOrEqual(Date.parse(job.startedAt));
    const again = await api.call(member, 'POST', `/api/jobs/${id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'CONFLICT' });
    expect(again.body.error.message).toContain('already ended (failed)');
  });

  it('cancels an open job, with its progress as it stood', async () => {
    remote.defaultAnswer = { hold: true };
    try {
      // 12 steps, 8 running at once (the runner's concurrency here), all held by the server.
      const keys = Array.from({ length: 12 }, (_, i) => `api-held-${i}`);
      const id = await enqueue(projectA, keys);
      await remote.whenHeld(8);
      const open = await api.call(member, 'GET', `/api/jobs/${id}`);
      expect(open.body).toMatchObject({
        status: 'running',
        steps: { pending: 4, running: 8, done: 0, failed: 0, cancelled: 0 },
      });
      const res = await api.call(member, 'POST', `/api/jobs/${id}/cancel`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        status: 'cancelled',
        steps: { pending: 0, running: 0, done: 0, failed: 0, cancelled: 12 },
        doneSteps: 0,
        progress: 0,
      });
    } finally {
      remote.defaultAnswer = {};
      remote.release();
    }
  });

  it("lists each caller's jobs, newest first, by project and status, in pages", async () => {
    const inA = await enqueue(projectA, ['list-a']);
    const inB = await enqueue(projectB, ['list-b']);
    const server = await enqueue(null, ['list-none']);
    for (const id of [inA, inB, server]) await ended(admin, id);
    const everything = await api.call(admin, 'GET', '/api/jobs?limit=500');
    const ids = everything.body.items.map((j: { id: number }) => j.id);
    expect(ids.slice(0, 3)).toEqual([server, inB, inA]);
    const mine = await api.call(member, 'GET', '/api/jobs?limit=500');
    const mineIds = mine.body.items.map((j: { id: number }) => j.id);
    expect(mineIds).toContain(inA);
    expect(mineIds).not.toContain(inB);
    expect(mineIds).not.toContain(server);
    expect(mine.body.items.every((j: { projectId: number }) => j.projectId === projectA)).toBe(true);
    const ofB = await api.call(admin, 'GET', `/api/jobs?projectId=${projectB}&status=succeeded`);
    expect(ofB.body.items.map((j: { id: number }) => j.id)).toEqual([inB]);
    expect((await api.call(member, 'GET', `/api/jobs?projectId=${projectB}`)).status).toBe(404);
    expect((await api.call(member, 'GET', `/api/jobs/${inB}`)).status).toBe(404);
    expect((await api.call(member, 'GET', `/api/jobs/${server}`)).status).toBe(404);
    const first = await api.call(admin, 'GET', '/api/jobs?limit=2');
    expect(first.body.items).toHaveLength(2);
    const next = await api.call(admin, 'GET', `/api/jobs?limit=2&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0].id).toBe(ids[2]);
  });
});
