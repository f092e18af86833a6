import type { Store } from '../db/store.ts';
import { writeTransaction } from '../db/transaction.ts';
import { insertJob, insertSteps, settleTotal } from '../jobs/jobs.repository.ts';
import { JobRunner } from '../jobs/runner.ts';
import { type RunnerOptions, runnerOptions } from '../jobs/runner-options.ts';
import type { Verity } from '../server.ts';
import { type Harness, testStore } from './harness.ts';
import { testJobKinds } from './job-test-kind.ts';

/** Runner settings for tests: short leases and polls, so a lost lease is found in a moment. */
export const FAST_RUNNER: Partial<RunnerOptions> = {
  leaseMs: 1_500,
  pollMs: 25,
  concurrency: 8,
  closeWaitMs: 200,
};

/** Another server on the harness's store with the test job kind, running jobs when `run` says so. */
export function jobServer(h: Harness, run: boolean, runner: Partial<RunnerOptions> = {}): Promise<Verity> {
  return h.sibling({ runJobs: run, jobKinds: testJobKinds, jobRunner: { ...FAST_RUNNER, ...runner } });
}

/** Waits until `check` returns something other than undefined (or fails after `ms`). */
export async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A second runner on the same store, as another server process would run: on PostgreSQL a
 * sibling server with its own pool; on SQLite a second runner on `first`'s connection, since two
 * connections to one file in one thread would block each other (better-sqlite3 waits for the file
 * lock synchronously, so the holder never gets to commit). Processes do not share a thread.
 */
export async function secondRunner(
  h: Harness,
  first: Verity,
  runner: Partial<RunnerOptions> = {},
): Promise<{ close(): Promise<void> }> {
  if (testStore() === 'postgres') return jobServer(h, true, runner);
  const second = new JobRunner(
    first.ctx,
    new Map(testJobKinds.map((k) => [k.kind, k])),
    runnerOptions({ ...FAST_RUNNER, ...runner }),
  );
  second.start();
  return second;
}

/** A queued job of no kind any runner knows (so it stays as made), with steps `keys`; its id. */
export async function insertFixtureJob(
  store: Store,
  job: { projectId: number | null; createdBy: number | null; keys: readonly string[] },
): Promise<number> {
  return writeTransaction(store, async (tx) => {
    const now = Date.now();
    const id = await insertJob(tx, { kind: 'fixture', params: '{}', lane: null, now, ...job });
    await insertSteps(tx, { jobId: id, lane: null, keys: job.keys, now });
    await settleTotal(tx, id, now);
    return id;
  });
}
