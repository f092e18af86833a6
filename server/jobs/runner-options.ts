import { DEFAULT_RETRY, type RetryPolicy } from './backoff.ts';

/** How a runner works; tests shorten the times (docs/jobs.md, "Limits"). */
export interface RunnerOptions extends RetryPolicy {
  /** Steps this process runs at once, over all jobs. */
  concurrency: number;
  /** How long a step is leased; a runner that stops renewing loses it after this. */
  leaseMs: number;
  /** How often leases are renewed (default leaseMs / 3). */
  heartbeatMs: number;
  /** How often the store is asked for ready steps when nothing woke the runner. */
  pollMs: number;
  /** How long finished steps wait to share one write transaction with others. */
  flushDelayMs: number;
  /** How long a claim for a freed place waits for other places to free with it. */
  claimDelayMs: number;
  /** How long close() waits for running steps before giving them back. */
  closeWaitMs: number;
  /** How long a lane's limit is kept before it is asked again. */
  laneLimitTtlMs: number;
}

export const DEFAULT_RUNNER: RunnerOptions = {
  ...DEFAULT_RETRY,
  concurrency: 32,
  leaseMs: 30_000,
  heartbeatMs: 10_000,
  pollMs: 200,
  flushDelayMs: 5,
  claimDelayMs: 2,
  closeWaitMs: 2_000,
  laneLimitTtlMs: 2_000,
};

export function runnerOptions(given: Partial<RunnerOptions> = {}): RunnerOptions {
  const leaseMs = given.leaseMs ?? DEFAULT_RUNNER.leaseMs;
  return { ...DEFAULT_RUNNER, heartbeatMs: Math.max(1, Math.floor(leaseMs / 3)), ...given };
}
