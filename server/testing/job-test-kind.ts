import { z } from 'zod';
import { insertSteps } from '../jobs/jobs.repository.ts';
import { type JobKind, StepFailure } from '../jobs/kind.ts';
import { planFromSettings, recordTestOutcome, recordTestOutcomes } from './job-test.repository.ts';

/**
 * A job kind for the job system's own tests, benches and crash test (TEST ONLY): each step asks a
 * loopback server (job-test-server.ts) `GET <url>/step/<key>` over real HTTP and its commit writes
 * one `settings` row for the step (job-test.repository.ts). The server's answer decides: 2xx
 * done, 429 and 5xx retried (Retry-After honoured), other 4xx fail at once with its text.
 * A lane `test:<n>` has the limit n.
 */
export const TEST_JOB_KIND = 'test-http';
/** The same kind with commit() alone (no commitMany): each step's outcome written by itself. */
export const TEST_JOB_KIND_SINGLE = 'test-http-single';

const params = z.strictObject({
  url: z.url(),
  /** The steps' keys, or… */
  keys: z.array(z.string().min(1).max(200)).max(100_000).optional(),
  /** …one step per `settings` row under this prefix, keyed by its value. */
  fromSettings: z.string().min(1).optional(),
});
export type TestJobParams = z.infer<typeof params>;

type TestKind = JobKind<TestJobParams, { body: string }>;

const base: TestKind = {
  kind: TEST_JOB_KIND_SINGLE,
  params,
  async plan(tx, _ctx, job) {
    if (job.params.fromSettings !== undefined)
      await planFromSettings(tx, job.id, job.lane, job.params.fromSettings);
    else await insertSteps(tx, { jobId: job.id, lane: job.lane, keys: job.params.keys ?? [] });
  },
  async run(_ctx, job, step, signal) {
    let res: Response;
    try {
      res = await fetch(`${job.params.url}/step/${encodeURIComponent(step.key)}`, { signal });
    } catch (err) {
      if (signal.aborted) throw err;
      throw new StepFailure(`the test server is unreachable: ${(err as Error).message}`, { retryable: true });
    }
    const body = await res.text();
    if (res.ok) return { body };
    if (res.status === 429 || res.status >= 500) {
      const after = res.headers.get('retry-after');
      const retryAfterMs = after !== null && /^\d+$/.test(after) ? Number(after) * 1000 : undefined;
      throw new StepFailure(`the test server answered ${res.status}`, { retryable: true, retryAfterMs });
    }
    throw new StepFailure(`the test server answered ${res.status}: ${body}`, { retryable: false });
  },
  async commit(tx, _ctx, job, step, result) {
    await recordTestOutcome(tx, job.id, step.key, result.body);
  },
  async laneLimit(_ctx, lane) {
    const n = Number(lane.split(':')[1]);
    return Number.isInteger(n) && n > 0 ? n : 1;
  },
};

export const testJobKindSingle: TestKind = base;

export const testJobKind: TestKind = {
  ...base,
  kind: TEST_JOB_KIND,
  async commitMany(tx, _ctx, job, done) {
    await recordTestOutcomes(
      tx,
      job.id,
      done.map((d) => ({ key: d.step.key, value: d.result.body })),
    );
  },
};

/** Both test kinds, as a server's `jobKinds`. */
export const testJobKinds: readonly JobKind[] = [testJobKind, testJobKindSingle];
