import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { writeTransaction } from '../db/transaction.ts';
import type { Verity } from '../server.ts';
import { type Harness, startHarness } from '../testing/harness.ts';
import { jobServer, secondRunner, until } from '../testing/job-fixtures.ts';
import {
  readTestOutcomes,
  readTestSteps,
  readyNow,
  seedStepSources,
} from '../testing/job-test.repository.ts';
import { TEST_JOB_KIND, TEST_JOB_KIND_SINGLE } from '../testing/job-test-kind.ts';
import { type JobTestServer, startJobTestServer } from '../testing/job-test-server.ts';
import { findJob } from './jobs.repository.ts';
import { claimSteps } from './steps.repository.ts';

/**
 * The job system on the store of the pass (docs/jobs.md): steps run against a loopback server
 * over real HTTP by the test kind, whose commit writes one row per step.
 */

let h: Harness;
let remote: JobTestServer;

beforeAll(async () => {
  h = await startHarness();
  remote = await startJobTestServer();
});
afterAll(async () => {
  await remote.close();
  await h.close();
});

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
  remote.defaultAnswer = {};
});

async function second(first: Verity, runner = {}) {
  const s = await secondRunner(h, first, runner);
  servers.push(s);
  return s;
}

async function server(run: boolean, runner = {}) {
  const s = await jobServer(h, run, runner);
  servers.push(s);
  return s;
}

let jobCounter = 0;
const keys = (n: number) => {
  jobCounter += 1;
  return Array.from({ length: n }, (_, i) => `j${jobCounter}-${String(i).padStart(4, '0')}`);
};

const enqueue = (s: Verity, params: object, lane: string | null = null, kind = TEST_JOB_KIND) =>
  s.ctx.jobs.enqueue({ kind, projectId: null, params, lane, createdBy: null });

const ended = (s: Verity, id: number) =>
  until(async () => {
    const job = await findJob(s.store.db, id);
    return job && !['queued', 'running'].includes(job.status) ? job : undefined;
  });

describe('enqueue', () => {
  it('refuses an unknown kind and bad parameters, naming the field', async () => {
    const s = await server(false);
    await expect(
      s.ctx.jobs.enqueue({ kind: 'nope', projectId: null, params: {}, createdBy: null }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/^kind: /) });
    await expect(enqueue(s, { url: 'not a url', keys: [] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringMatching(/^params\.url: /),
    });
  });

  it('ends a job with no steps at once, succeeded', async () => {
    const s = await server(false);
    const id = await enqueue(s, { url: remote.url, keys: [] });
    const job = await findJob(s.store.db, id);
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 0, doneSteps: 0 });
    expect(job?.finishedAt).not.toBeNull();
  });
});

describe('running', () => {
  it('runs every step and writes each outcome once', async () => {
    const s = await server(true);
    const list = keys(40);
    const id = await enqueue(s, { url: remote.url, keys: list });
    const job = await ended(s, id);
    expect(job).toMatchObject({ status: 'succeeded', totalSteps: 40, doneSteps: 40, failedSteps: 0 });
    const outcomes = await readTestOutcomes(s.store.db, id);
    expect([...outcomes.keys()].sort()).toEqual(list);
    expect(outcomes.get(list[0]!)).toBe(`ok:${list[0]}`);
    const steps = await readTestSteps(s.store.db, id);
    expect(steps.every((st) => st.status === 'done' && st.attempts === 1 && st.leaseOwner === null)).toBe(
      true,
    );
    expect(JSON.parse(steps[0]!.result!)).toEqual({ body: `ok:${list[0]}` });
  });

  it('writes each outcome by commit() when the kind has no commitMany', async () => {
    const s = await server(true);
    const list = keys(12);
    const id = await enqueue(s, { url: remote.url, keys: list }, null, TEST_JOB_KIND_SINGLE);
    expect(await ended(s, id)).toMatchObject({ status: 'succeeded', doneSteps: 12 });
    expect([...(await readTestOutcomes(s.store.db, id)).keys()].sort()).toEqual(list);
  });

  it('plans steps by INSERT … SELECT from the store', async () => {
    const s = await server(true);
    const names = keys(5);
    await seedStepSources(s.store.db, `src-${jobCounter}:`, names);
    const id = await enqueue(s, { url: remote.url, fromSettings: `src-${jobCounter}:` });
    expect(await ended(s, id)).toMatchObject({ status: 'succeeded', totalSteps: 5, doneSteps: 5 });
    expect([...(await readTestOutcomes(s.store.db, id)).keys()].sort()).toEqual(names);
  });
});

describe('retries', () => {
  it('honours Retry-After (capped) and backs off with jitter on a 5xx', async () => {
    const s = await server(true, { backoffBaseMs: 50_000, backoffCapMs: 60_000, retryAfterCapMs: 600_000 });
    const [limited, huge, broken] = keys(3) as [string, string, string];
    remote.script(limited, [{ status: 429, retryAfter: '300' }]);
    remote.script(huge, [{ status: 429, retryAfter: '100000' }]);
    remote.script(broken, [{ status: 503 }]);
    const before = Date.now();
    const id = await enqueue(s, { url: remote.url, keys: [limited, huge, broken] });
    const waiting = await until(async () => {
      const steps = await readTestSteps(s.store.db, id);
      return steps.every((st) => st.status === 'pending' && st.attempts === 1) ? steps : undefined;
    });
    const after = Date.now();
    const byKey = new Map(waiting.map((st) => [st.key, st]));
    const limitedRow = byKey.get(limited)!;
    expect(limitedRow.runAfter).toBeGreaterThanOrEqual(before + 300_000);
    expect(limitedRow.runAfter).toBeLessThanOrEqual(after + 300_000);
    expect(limitedRow.error).toBe('the test server answered 429');
    const hugeRow = byKey.get(huge)!;
    expect(hugeRow.runAfter).toBeGreaterThanOrEqual(before + 600_000);
    expect(hugeRow.runAfter).toBeLessThanOrEqual(after + 600_000);
    const brokenRow = byKey.get(broken)!;
    expect(brokenRow.runAfter).toBeGreaterThanOrEqual(brokenRow.updatedAt);
    expect(brokenRow.runAfter).toBeLessThanOrEqual(brokenRow.updatedAt + 50_000);
    // As if the waits had passed: each is tried again and succeeds.
    await readyNow(s.store.db, id);
    const job = await ended(s, id);
    expect(job).toMatchObject({ status: 'succeeded', doneSteps: 3 });
    const steps = await readTestSteps(s.store.db, id);
    expect(steps.map((st) => st.attempts)).toEqual([2, 2, 2]);
    expect(remote.requests(limited)).toBe(2);
  });

  it('fails a step at once on a non-retryable answer, and after the attempt limit otherwise', async () => {
    const s = await server(true, { maxAttempts: 3, backoffBaseMs: 1, backoffCapMs: 2 });
    const [bad, flaky, good] = keys(3) as [string, string, string];
    remote.script(bad, [{ status: 400, body: 'no such model' }]);
    remote.script(
      flaky,
      Array.from({ length: 5 }, () => ({ status: 500 })),
    );
    const id = await enqueue(s, { url: remote.url, keys: [bad, flaky, good] });
    const job = await ended(s, id);
    expect(job).toMatchObject({ status: 'failed', doneSteps: 1, failedSteps: 2, totalSteps: 3 });
    expect(job.error).toBe(
      `2 of 3 steps failed; the first (${bad}): the test server answered 400: no such model`,
    );
    const steps = new Map((await readTestSteps(s.store.db, id)).map((st) => [st.key, st]));
    expect(steps.get(bad)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: 'the test server answered 400: no such model',
    });
    expect(steps.get(flaky)).toMatchObject({ status: 'failed', attempts: 3 });
    expect(steps.get(flaky)?.error).toBe('the test server answered 500 (after 3 attempts)');
    expect(remote.requests(flaky)).toBe(3);
    expect(remote.requests(bad)).toBe(1);
    expect([...(await readTestOutcomes(s.store.db, id)).keys()]).toEqual([good]);
  });
});

describe('cancel', () => {
  it('cancels pending steps and discards running ones, aborting their runs within a heartbeat', async () => {
    const s = await server(true, { concurrency: 4, leaseMs: 600 });
    remote.defaultAnswer = { hold: true };
    const abandonedBefore = remote.abandoned();
    const id = await enqueue(s, { url: remote.url, keys: keys(20) });
    await remote.whenHeld(4);
    expect(await s.ctx.jobs.cancel(id)).toBe(true);
    expect(await s.ctx.jobs.cancel(id)).toBe(false);
    // The runs are aborted: their requests are given up by the client.
    await until(() => (remote.abandoned() - abandonedBefore >= 4 ? true : undefined));
    remote.release();
    const job = await findJob(s.store.db, id);
    expect(job).toMatchObject({ status: 'cancelled', doneSteps: 0, failedSteps: 0 });
    expect(job?.finishedAt).not.toBeNull();
    const steps = await readTestSteps(s.store.db, id);
    expect(steps.every((st) => st.status === 'cancelled' && st.leaseOwner === null)).toBe(true);
    expect((await readTestOutcomes(s.store.db, id)).size).toBe(0);
    expect(remote.totalRequests()).toBeGreaterThanOrEqual(4);
  });
});

describe('leases', () => {
  it('gives a step whose runner died to another runner once its lease ran out', async () => {
    const idle = await server(false);
    const list = keys(3);
    const id = await enqueue(idle, { url: remote.url, keys: list });
    // A runner takes the steps and dies (it never runs, renews or gives them back).
    const taken = await writeTransaction(idle.store, (tx) =>
      claimSteps(idle.store, tx, {
        owner: 'dead-runner',
        now: Date.now(),
        leaseMs: 400,
        max: 10,
        kinds: [TEST_JOB_KIND],
        limitOf: () => undefined,
        reclaimLapsed: true,
      }),
    );
    expect(taken.steps.map((st) => st.key).sort()).toEqual(list);
    const live = await server(true);
    const job = await ended(live, id);
    expect(job).toMatchObject({ status: 'succeeded', doneSteps: 3 });
    const steps = await readTestSteps(live.store.db, id);
    expect(steps.map((st) => st.attempts)).toEqual([2, 2, 2]);
    expect((await readTestOutcomes(live.store.db, id)).size).toBe(3);
  });

  it('writes a step once when its first runner finishes after losing the lease', async () => {
    // No heartbeat in time: a slow run loses its lease, another runner repeats the step.
    const runner = { leaseMs: 300, heartbeatMs: 60_000 };
    const a = await server(true, runner);
    await second(a, runner);
    const [slow] = keys(1) as [string];
    remote.script(slow, [{ delayMs: 1_200, body: 'first' }, { body: 'second' }]);
    const id = await enqueue(a, { url: remote.url, keys: [slow] });
    const job = await ended(a, id);
    expect(job).toMatchObject({ status: 'succeeded', doneSteps: 1, totalSteps: 1 });
    // The first run's answer arrives after the second was written: it is discarded.
    await until(() => (remote.requests(slow) === 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 1_400));
    const outcomes = await readTestOutcomes(a.store.db, id);
    expect([...outcomes]).toEqual([[slow, 'second']]);
    expect(await findJob(a.store.db, id)).toMatchObject({ doneSteps: 1, status: 'succeeded' });
  });
});

describe('stopping', () => {
  it('gives back the steps still running when the server closes, for the next runner', async () => {
    const s = await jobServer(h, true, { closeWaitMs: 100 });
    const list = keys(3);
    for (const key of list) remote.script(key, [{ hold: true }]);
    const id = await enqueue(s, { url: remote.url, keys: list });
    await remote.whenHeld(3);
    await s.close();
    const given = await readTestSteps(h.verity.store.db, id);
    expect(given.map((st) => [st.status, st.attempts, st.leaseOwner])).toEqual(
      list.map(() => ['pending', 0, null]),
    );
    remote.release();
    const next = await server(true);
    expect(await ended(next, id)).toMatchObject({ status: 'succeeded', doneSteps: 3 });
    expect((await readTestSteps(next.store.db, id)).map((st) => st.attempts)).toEqual([1, 1, 1]);
  });
});

describe('two runners on one store', () => {
  it('honour a lane limit over both', async () => {
    const a = await server(true, { concurrency: 8 });
    await second(a, { concurrency: 8 });
    remote.defaultAnswer = { delayMs: 25 };
    remote.resetMaxOpen();
    expect(remote.maxOpen()).toBe(0);
    const list = keys(36);
    const id = await enqueue(a, { url: remote.url, keys: list }, 'test:3');
    const job = await ended(a, id);
    expect(job).toMatchObject({ status: 'succeeded', doneSteps: 36 });
    // 16 places over both runners, 36 steps: only the lane holds them to 3 at once.
    expect(remote.maxOpen()).toBeLessThanOrEqual(3);
  });

  it("run other lanes' steps while a full lane's fill the head of the queue", async () => {
    const a = await server(true, { concurrency: 8 });
    await second(a, { concurrency: 8 });
    // 40 steps of a lane of 1, made first, all at the head of the queue; the first (the lane's
    // one running step) is held.
    const full = keys(40);
    remote.script(full[0]!, [{ hold: true }]);
    const blocked = await enqueue(a, { url: remote.url, keys: full }, 'test:1');
    await remote.whenHeld(1);
    const other = await enqueue(a, { url: remote.url, keys: keys(5) }, 'test:4');
    const free = await enqueue(a, { url: remote.url, keys: keys(5) });
    expect(await ended(a, other)).toMatchObject({ status: 'succeeded', doneSteps: 5 });
    expect(await ended(a, free)).toMatchObject({ status: 'succeeded', doneSteps: 5 });
    // The lane's job is still running: its held step has not let the rest through. (Under heavy
    // load the held call can fail and be retried, letting one more of the lane's steps run, so
    // the count is bounded rather than 0.)
    const stillBlocked = await findJob(a.store.db, blocked);
    expect(stillBlocked).toMatchObject({ status: 'running' });
    expect(stillBlocked!.doneSteps).toBeLessThan(full.length - 1);
    remote.release();
    expect(await ended(a, blocked)).toMatchObject({ status: 'succeeded', doneSteps: 40 });
  });

  it('write every step exactly once', async () => {
    const a = await server(true, { concurrency: 16 });
    await second(a, { concurrency: 16 });
    const list = keys(300);
    const [one, two] = await Promise.all([
      enqueue(a, { url: remote.url, keys: list.slice(0, 150) }),
      enqueue(a, { url: remote.url, keys: list.slice(150) }),
    ]);
    for (const id of [one, two]) {
      expect(await ended(a, id)).toMatchObject({ status: 'succeeded', doneSteps: 150, failedSteps: 0 });
      expect((await readTestOutcomes(a.store.db, id)).size).toBe(150);
    }
    const owners = new Set(
      [...(await readTestSteps(a.store.db, one)), ...(await readTestSteps(a.store.db, two))].map(
        (st) => st.attempts,
      ),
    );
    expect(owners).toEqual(new Set([1]));
  });
});
