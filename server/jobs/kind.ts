import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/transaction.ts';

/**
 * What a kind of background job supplies to the job system (docs/jobs.md). The system owns the
 * tables, leases, heartbeats, retries, progress and cancelling; a kind says what its steps are,
 * how one step's work is done (outside any transaction: a model call, a decode) and how its
 * outcome is written (inside the transaction that marks the step done, so the outcome is written
 * exactly once even when a runner dies after the work and another one repeats it).
 */
export interface JobKind<P = unknown, R = unknown> {
  /** The stored `jobs.kind`, e.g. `generate`. */
  kind: string;
  /** Checks the stored parameters when a job is created and each time a runner loads it. */
  params: z.ZodType<P>;
  /** Inserts the job's steps (job_steps rows) inside the transaction that creates the job. */
  plan(tx: Tx, ctx: AppContext, job: JobRecord<P>): Promise<void>;
  /** Does one step's work outside any transaction; throws StepFailure (or anything: not retried). */
  run(ctx: AppContext, job: JobRecord<P>, step: StepRecord, signal: AbortSignal): Promise<R>;
  /** Writes a finished step's outcome, in the transaction that marks it done. */
  commit(tx: Tx, ctx: AppContext, job: JobRecord<P>, step: StepRecord, result: R): Promise<void>;
  /**
   * Optional: writes several finished steps' outcomes of one job at once (a multi-row insert), in
   * the transaction that marks them done; used instead of commit() when given. Worth it on
   * PostgreSQL, where each statement is a round trip.
   */
  commitMany?(tx: Tx, ctx: AppContext, job: JobRecord<P>, done: readonly StepDone<R>[]): Promise<void>;
  /** How many of a lane's steps may run at once over all runners (a connection's concurrency). */
  laneLimit?(ctx: AppContext, lane: string): Promise<number>;
  /**
   * What of a finished step's result its row keeps (job_steps.result, shown by the API); default:
   * all of it. A kind whose commit() stores a large result elsewhere keeps only a summary here.
   */
  record?(result: R): unknown;
}

export interface JobRecord<P = unknown> {
  id: number;
  kind: string;
  projectId: number | null;
  params: P;
  lane: string | null;
  createdBy: number | null;
}

export interface StepRecord {
  id: number;
  jobId: number;
  key: string;
  /** Attempts begun so far, this one included (1 on the first). */
  attempts: number;
}

/** A finished step and what its run() returned (commitMany). */
export interface StepDone<R = unknown> {
  step: StepRecord;
  result: R;
}

/**
 * A step's attempt that failed. `retryable` ones (429, 5xx, timeouts, an unreachable host) are
 * tried again after an exponential back-off with jitter, or after `retryAfterMs` when the server
 * said (Retry-After), up to the job system's attempt limit; others fail the step at once. The
 * message is stored on the step and shown to managers: it must name no secret.
 */
export class StepFailure extends Error {
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { retryable: boolean; retryAfterMs?: number | undefined }) {
    super(message);
    this.name = 'StepFailure';
    this.retryable = options.retryable;
    this.retryAfterMs = options.retryAfterMs;
  }
}

// Apart from this file, which needs AppContext, so that AppContext can name the queue.
export type { JobQueue, NewJob } from './job-queue.ts';
