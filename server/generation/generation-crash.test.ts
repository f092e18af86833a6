import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerity, type ServerConfig, type Verity } from '../server.ts';
import { type ChildServer, startChildServer, stopChild } from '../testing/child-server.ts';
import { injectApi, seedUser } from '../testing/factories.ts';
import {
  addConnection,
  expectFilled,
  itemsOf,
  jobEnd,
  jobRow,
  promptProject,
} from '../testing/generation.ts';
import { freshStoreConfig, type TestUser, testStore } from '../testing/harness.ts';
import { type OpenAiServer, startOpenAiServer } from '../testing/openai-server.ts';

/**
 * Generation under a hard crash and across processes (docs/generation.md, "Exactly once"): the
 * steps run in separate server processes against the loopback model server in this process.
 * A SIGKILL mid-job, then a restart: the job completes with every slot written once and none
 * missing. On PostgreSQL two processes share one job: each slot is asked of the model once.
 */
const KEY = 'sk-generation-crash-5be1';
/** A short lease, so that the steps a killed process held are taken again soon after. */
const SHORT_LEASE = { VERITY_TEST_JOB_LEASE_MS: '1000' };
/**
 * Two healthy processes: the default lease (30 s), long enough that none runs out while its
 * holder is alive (a lease that ran out is taken again by design, and the model asked twice).
 */
const DEFAULT_LEASE = {};

let config: ServerConfig;
let cleanup: () => Promise<void>;
let api: Verity;
let ai: OpenAiServer;
let admin: TestUser;
let manager: TestUser;
const children: ChildServer[] = [];

beforeAll(async () => {
  ({ config, cleanup } = await freshStoreConfig());
  api = await createVerity({ ...config, checkResponses: true });
  ai = await startOpenAiServer({ apiKey: KEY, models: ['gen-model'] });
  admin = await seedUser(api, 'admin');
  manager = await seedUser(api, 'manager');
});
afterAll(async () => {
  for (const c of children) await stopChild(c, 'SIGKILL');
  await api?.close();
  await ai?.close();
  await cleanup?.();
});

async function startJob(
  items: number,
  concurrency: number,
): Promise<{ jobId: number; projectId: number; name: string }> {
  const h = injectApi(api);
  const { projectId } = await promptProject(h, manager, items);
  const conn = await addConnection(api, admin.id, { baseUrl: ai.baseURL, apiKey: KEY, concurrency });
  const res = await h.call(manager, 'POST', `/api/projects/${projectId}/generate`, {
    connection: conn.name,
    candidates: 2,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return { jobId: res.body.jobId, projectId, name: conn.name };
}

async function spawnRunner(env: Record<string, string> = SHORT_LEASE): Promise<ChildServer> {
  const child = await startChildServer(config, env);
  children.push(child);
  return child;
}

describe('generation across crashes and processes', () => {
  it('completes after a SIGKILL mid-job with no candidate written twice and none missing', async () => {
    ai.reset();
    // Every answer takes a while, so the kill finds calls under way.
    ai.script(...Array(200).fill({ delayMs: 120 }));
    const { jobId, projectId, name } = await startJob(24, 4);
    const first = await spawnRunner();
    for (;;) {
      const row = await jobRow(api, jobId);
      if (row.doneSteps >= 12) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await stopChild(first, 'SIGKILL');
    const atKill = await jobRow(api, jobId);
    expect(atKill.doneSteps).toBeLessThan(48);
    await spawnRunner();
    const job = await jobEnd(api, jobId);
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 48, doneSteps: 48, failedSteps: 0 });
    const items = await itemsOf(api, projectId);
    expect(items).toHaveLength(24);
    expectFilled(items, name, 2);
    // Every slot was asked at least once; only calls cut off by the kill were asked again.
    expect(ai.requestCount).toBeGreaterThanOrEqual(48);
    for (let n = 1; n <= 24; n++) expect(ai.countFor(`Question number ${n}?`)).toBeGreaterThanOrEqual(2);
  });

  it.skipIf(testStore() !== 'postgres')(
    'shares one job between two processes without double work',
    async () => {
      ai.reset();
      ai.script(...Array(200).fill({ delayMs: 15 }));
      for (const c of children.splice(0)) await stopChild(c, 'SIGTERM');
      await Promise.all([spawnRunner(DEFAULT_LEASE), spawnRunner(DEFAULT_LEASE)]);
      const { jobId, projectId, name } = await startJob(60, 8);
      const job = await jobEnd(api, jobId);
      expect(job).toMatchObject({ status: 'succeeded', totalSteps: 120, doneSteps: 120 });
      expectFilled(await itemsOf(api, projectId), name, 2);
      // Each (item, slot) was generated once: two requests per prompt, none more.
      expect(ai.requestCount).toBe(120);
      for (let n = 1; n <= 60; n++) expect(ai.countFor(`Question number ${n}?`)).toBe(2);
    },
  );
});
