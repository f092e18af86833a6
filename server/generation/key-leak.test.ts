import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUser } from '../testing/factories.ts';
import { itemsOf, jobEnd, promptProject } from '../testing/generation.ts';
import { type Harness, startHarness, type TestUser } from '../testing/harness.ts';
import { closedPortUrl } from '../testing/loopback.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';
import { assertNowhere, collectLogs } from '../testing/secret-search.ts';

/**
 * The connection's API key is in nothing generation leaves behind: the job and its steps (a
 * successful one, and one whose endpoint is unreachable), the generated items, their export in
 * every format, the annotator's work, and the log lines of the server that ran the steps.
 */
const KEY = `sk-genleak-${randomBytes(12).toString('hex')}`;
const logs = collectLogs('trace');
const seen: { where: string; text: unknown }[] = [];
let h: Harness;
let ai: OpenAiServer;
let admin: TestUser;
let manager: TestUser;

async function call(who: TestUser, method: string, url: string, body?: unknown) {
  const res = await h.call(who, method, url, body);
  seen.push({ where: `${method} ${url} → ${res.status}`, text: res.body });
  return res;
}

beforeAll(async () => {
  h = await startHarness({ logger: logs.logger });
  await h.sibling({
    logger: logs.logger,
    runJobs: true,
    jobRunner: { pollMs: 20, maxAttempts: 2, backoffBaseMs: 10, backoffCapMs: 20 },
  });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['leak-model'] });
  admin = await seedUser(h.verity, 'admin');
  manager = await seedUser(h.verity, 'manager');
});
afterAll(async () => {
  await h?.close();
  await ai?.close();
});

describe('the API key of a generation job', () => {
  it('shows in no job, step, item, export, work payload or log line', async () => {
    const { projectId, annotator } = await promptProject(h, manager, 3);
    const good = await call(admin, 'POST', '/api/models', {
      name: 'Leak gen',
      baseUrl: ai.baseURL,
      model: 'leak-model',
      apiKey: KEY,
      allowPrivateNetwork: true,
    });
    expect(good.status).toBe(201);
    const down = await call(admin, 'POST', '/api/models', {
      name: 'Leak gen down',
      baseUrl: `${(await closedPortUrl()).url}/v1`,
      model: 'leak-model',
      apiKey: KEY,
      allowPrivateNetwork: true,
    });
    expect(down.status).toBe(201);
    const ok = await call(manager, 'POST', `/api/projects/${projectId}/generate`, {
      connection: 'Leak gen',
      candidates: 2,
    });
    expect((await jobEnd(h.verity, ok.body.jobId)).status).toBe('succeeded');
    const other = await promptProject(h, manager, 1);
    const failed = await call(manager, 'POST', `/api/projects/${other.projectId}/generate`, {
      connection: 'Leak gen down',
      candidates: 2,
    });
    expect((await jobEnd(h.verity, failed.body.jobId)).status).toBe('failed');

    for (const jobId of [ok.body.jobId, failed.body.jobId]) {
      await call(manager, 'GET', `/api/jobs/${jobId}`);
      const rows = await h.verity.store.db.selectFrom('jobs').selectAll().where('id', '=', jobId).execute();
      const steps = await h.verity.store.db
        .selectFrom('jobSteps')
        .selectAll()
        .where('jobId', '=', jobId)
        .execute();
      seen.push({ where: `jobs row ${jobId}`, text: rows }, { where: `job_steps of ${jobId}`, text: steps });
    }
    seen.push({ where: 'stored items', text: await itemsOf(h.verity, projectId) });
    for (const format of ['jsonl', 'sft', 'csv'])
      await call(manager, 'GET', `/api/projects/${projectId}/export?format=${format}`);
    await call(annotator, 'POST', `/api/projects/${projectId}/assignments/next`);
    seen.push({ where: 'log lines', text: logs.lines.join('\n') });
    expect(seen.length).toBeGreaterThan(10);
    assertNowhere(KEY, seen);
  });
});
