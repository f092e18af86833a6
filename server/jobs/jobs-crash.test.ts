import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../db/connect.ts';
import type { Store } from '../db/store.ts';
import { createVerity, type ServerConfig } from '../server.ts';
import { type ChildServer, startChildServer, stopChild } from '../testing/child-server.ts';
import { freshStoreConfig } from '../testing/harness.ts';
import { until } from '../testing/job-fixtures.ts';
import { readTestOutcomes, readTestSteps } from '../testing/job-test.repository.ts';
import { TEST_JOB_KIND, testJobKinds } from '../testing/job-test-kind.ts';
import { type JobTestServer, startJobTestServer } from '../testing/job-test-server.ts';
import { findJob } from './jobs.repository.ts';

/**
 * The job system under a hard crash: a job of the test kind runs in a server process that is
 * SIGKILLed mid-job. After a restart (two processes on the same store) the job completes with
 * every step's outcome written exactly once and none missing.
 */

const STEPS = 240;
const KILL_AFTER = 60;
const LEASE_MS = '1500';

let config: ServerConfig;
let cleanup: () => Promise<void>;
let remote: JobTestServer;
let store: Store;
const children: ChildServer[] = [];

beforeAll(async () => {
  ({ config, cleanup } = await freshStoreConfig());
  remote = await startJobTestServer();
  // Each answer takes a moment, so the kill finds steps running.
  remote.defaultAnswer = { delayMs: 15 };
  store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    pgSchema: config.pgSchema,
  });
});
afterAll(async () => {
  for (const c of children) await stopChild(c, 'SIGKILL');
  await store?.close();
  await remote?.close();
  await cleanup();
});

const start = async () => {
  const child = await startChildServer(config, { VERITY_TEST_JOB_LEASE_MS: LEASE_MS });
  children.push(child);
  return child;
};

describe('a job whose server is killed', () => {
  it('completes after a restart, each step written once and none missing', async () => {
    const keys = Array.from({ length: STEPS }, (_, i) => `crash-${String(i).padStart(4, '0')}`);
    // Enqueued in-process, then closed: only the server processes run it.
    const enqueuer = await createVerity({ ...config, jobKinds: testJobKinds });
    const jobId = await enqueuer.ctx.jobs.enqueue({
      kind: TEST_JOB_KIND,
      projectId: null,
      params: { url: remote.url, keys },
      createdBy: null,
    });
    await enqueuer.close();

    const first = await start();
    await until(async () =>
      (await readTestOutcomes(store.db, jobId)).size >= KILL_AFTER ? true : undefined,
    );
    await stopChild(first, 'SIGKILL');
    const before = await findJob(store.db, jobId);
    expect(before?.status).toBe('running');
    expect(before!.doneSteps).toBeLessThan(STEPS);

    // Two processes take over: the killed one's steps once their leases run out.
    await Promise.all([start(), start()]);
    const job = await until(async () => {
      const j = await findJob(store.db, jobId);
      return j && j.status !== 'running' && j.status !== 'queued' ? j : undefined;
    }, 60_000);
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: STEPS, doneSteps: STEPS, failedSteps: 0 });
    const outcomes = await readTestOutcomes(store.db, jobId);
    expect([...outcomes.keys()].sort()).toEqual(keys);
    const steps = await readTestSteps(store.db, jobId);
    expect(steps.every((s) => s.status === 'done' && s.leaseOwner === null)).toBe(true);
    // Every step was asked for at least once; only those held at the kill were asked again.
    for (const key of keys) expect(remote.requests(key)).toBeGreaterThanOrEqual(1);
    const repeated = keys.filter((k) => remote.requests(k) > 1);
    for (const key of repeated) expect(steps.find((s) => s.key === key)?.attempts).toBeGreaterThan(1);
    // A runner holds at most 64 steps (32 running, the rest finished and not yet written).
    expect(remote.totalRequests()).toBeLessThanOrEqual(STEPS + 64);
  });
});
