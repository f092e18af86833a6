import { type AliasedSelectQueryBuilder, type Selectable, sql } from 'kysely';
import type { JobStatusDb, JobStepStatusDb, JobsTable } from '../db/schema.ts';
import type { Db, Tx } from '../db/transaction.ts';

/**
 * The jobs table and the rows of job_steps as a whole job sees them (docs/jobs.md): creating a
 * job and its steps, its counts, settling it, cancelling it, reading it for the API. What a
 * runner does to single steps (claim, lease, finish) is in steps.repository.ts.
 */

export type JobRow = Selectable<JobsTable>;

export interface NewJobRow {
  kind: string;
  projectId: number | null;
  /** The kind's parameters as JSON text. */
  params: string;
  lane: string | null;
  createdBy: number | null;
  now: number;
}

export async function insertJob(tx: Tx, job: NewJobRow): Promise<number> {
  const row = await tx
    .insertInto('jobs')
    .values({
      kind: job.kind,
      projectId: job.projectId,
      status: 'queued',
      params: job.params,
      lane: job.lane,
      createdBy: job.createdBy,
      createdAt: job.now,
      updatedAt: job.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Rows of job_steps per statement (5 parameters each, well under both stores' limits). */
const STEP_BATCH = 1000;

/**
 * Inserts a job's steps, one per key (`key` unique within the job; a repeated key is an error).
 * For a kind that lists its keys; a kind whose keys come from the store (one per item) rather
 * uses insertStepsSelect, which never brings them into memory.
 */
export async function insertSteps(
  tx: Tx,
  steps: { jobId: number; lane: string | null; keys: readonly string[]; now?: number },
): Promise<void> {
  const now = steps.now ?? Date.now();
  for (let i = 0; i < steps.keys.length; i += STEP_BATCH) {
    const rows = steps.keys.slice(i, i + STEP_BATCH).map((key) => ({
      jobId: steps.jobId,
      key,
      status: 'pending' as const,
      lane: steps.lane,
      updatedAt: now,
    }));
    await tx.insertInto('jobSteps').values(rows).execute();
  }
}

/**
 * Inserts a job's steps by INSERT … SELECT: one step per row of `keys`, a query (of the kind's own
 * repository) whose single column is `key`, e.g.
 *
 *   insertStepsSelect(tx, { jobId, lane }, tx.selectFrom('items')
 *     .select(sql<string>`'item:' || id`.as('key')).where('projectId', '=', projectId))
 *
 * A kind may as well write the statement itself; a step row is
 * `(job_id, key, status = 'pending', lane, updated_at)`, the other columns (attempts 0,
 * run_after 0, no lease, error or result) left to their defaults. Either way, plan() runs in the
 * transaction that creates the job, and the job's total is counted after it (countSteps).
 */
export async function insertStepsSelect(
  tx: Tx,
  steps: { jobId: number; lane: string | null; now?: number },
  keys: { as(alias: 'k'): AliasedSelectQueryBuilder<{ key: string }, 'k'> },
): Promise<void> {
  const now = steps.now ?? Date.now();
  await tx
    .insertInto('jobSteps')
    .columns(['jobId', 'key', 'status', 'lane', 'updatedAt'])
    .expression(
      tx
        .selectFrom(keys.as('k'))
        .select([
          sql<number>`cast(${steps.jobId} as bigint)`.as('jobId'),
          'k.key',
          sql<JobStepStatusDb>`'pending'`.as('status'),
          sql<string | null>`cast(${steps.lane} as text)`.as('lane'),
          sql<number>`cast(${now} as bigint)`.as('updatedAt'),
        ]),
    )
    .execute();
}

/**
 * Sets the job's total to the steps it has; a job with none is done at once (succeeded).
 * Returns the total.
 */
export async function settleTotal(tx: Tx, jobId: number, now: number): Promise<number> {
  const row = await tx
    .selectFrom('jobSteps')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('jobId', '=', jobId)
    .executeTakeFirstOrThrow();
  const total = Number(row.n);
  await tx
    .updateTable('jobs')
    .set(
      total === 0
        ? { totalSteps: 0, status: 'succeeded', startedAt: now, finishedAt: now, updatedAt: now }
        : { totalSteps: total, updatedAt: now },
    )
    .where('id', '=', jobId)
    .execute();
  return total;
}

/**
 * Adds settled steps to the job's counts and, when every step is settled, ends it: succeeded, or
 * failed with how many failed and the first one's error. Takes the job's row lock (PostgreSQL)
 * for the rest of the transaction, so of two runners settling its last steps exactly one ends it.
 */
export async function addSettled(tx: Tx, jobId: number, done: number, failed: number, now: number) {
  const row = await tx
    .updateTable('jobs')
    .set((eb) => ({
      doneSteps: eb('doneSteps', '+', done),
      failedSteps: eb('failedSteps', '+', failed),
      updatedAt: now,
    }))
    .where('id', '=', jobId)
    .returning(['status', 'doneSteps', 'failedSteps', 'totalSteps'])
    .executeTakeFirst();
  if (!row || (row.status !== 'queued' && row.status !== 'running')) return;
  if (row.doneSteps + row.failedSteps < row.totalSteps) return;
  let error: string | null = null;
  if (row.failedSteps > 0) {
    const first = await tx
      .selectFrom('jobSteps')
      .select(['key', 'error'])
      .where('jobId', '=', jobId)
      .where('status', '=', 'failed')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    const what = `${row.failedSteps} of ${row.totalSteps} ${row.totalSteps === 1 ? 'step' : 'steps'} failed`;
    error = first ? `${what}; the first (${first.key}): ${first.error ?? 'no reason given'}` : what;
  }
  await tx
    .updateTable('jobs')
    .set({
      status: row.failedSteps > 0 ? 'failed' : 'succeeded',
      error,
      finishedAt: now,
      updatedAt: now,
    })
    .where('id', '=', jobId)
    .execute();
}

/**
 * Cancels a job that has not ended: its pending and running steps are cancelled (a runner that
 * finishes one of them afterwards finds it no longer leased to it and discards the outcome).
 * Steps first, then the job, the order every writer of both takes their locks in. Returns
 * whether it was open.
 */
export async function cancelJobRows(tx: Tx, jobId: number, now: number): Promise<boolean> {
  const job = await tx.selectFrom('jobs').select('status').where('id', '=', jobId).executeTakeFirst();
  if (!job || !isOpen(job.status)) return false;
  await tx
    .updateTable('jobSteps')
    .set({ status: 'cancelled', leaseOwner: null, leaseExpiresAt: null, updatedAt: now })
    .where('jobId', '=', jobId)
    .where('status', 'in', ['pending', 'running'])
    .execute();
  const ended = await tx
    .updateTable('jobs')
    .set({ status: 'cancelled', finishedAt: now, updatedAt: now })
    .where('id', '=', jobId)
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .executeTakeFirst();
  return ended !== undefined;
}

export const isOpen = (status: JobStatusDb): boolean => status === 'queued' || status === 'running';

export async function findJob(db: Db, jobId: number): Promise<JobRow | undefined> {
  return db.selectFrom('jobs').selectAll().where('id', '=', jobId).executeTakeFirst();
}

/**
 * A job as it is now, with how many of its steps are in each status, in one statement (one
 * snapshot). Read from the job's counters and the count of its running steps (at most the
 * runners' concurrency, on the (job_id, status) index), never by counting all its steps: a
 * progress poll costs the same for a job of ten steps and of a million. Done and failed are the
 * job's counters; a cancelled job's unsettled steps were all cancelled with it; an open job's
 * unsettled steps that are not running are pending (a retry waiting its turn is pending).
 */
export async function findJobWithCounts(
  db: Db,
  jobId: number,
): Promise<{ job: JobRow; steps: Record<JobStepStatusDb, number> } | undefined> {
  const row = await db
    .selectFrom('jobs as j')
    .selectAll('j')
    .select((eb) =>
      eb
        .selectFrom('jobSteps as s')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('s.jobId', '=', 'j.id')
        .where('s.status', '=', 'running')
        .as('runningSteps'),
    )
    .where('j.id', '=', jobId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { runningSteps, ...job } = row;
  const unsettled = Math.max(0, job.totalSteps - job.doneSteps - job.failedSteps);
  const open = isOpen(job.status);
  const running = open ? Math.min(unsettled, Number(runningSteps ?? 0)) : 0;
  return {
    job,
    steps: {
      pending: open ? unsettled - running : 0,
      running,
      done: job.doneSteps,
      failed: job.failedSteps,
      cancelled: job.status === 'cancelled' ? unsettled : 0,
    },
  };
}

/** The job's failed steps in order, with their errors (the first `limit`). */
export async function listFailedSteps(db: Db, jobId: number, limit: number) {
  return db
    .selectFrom('jobSteps')
    .select(['key', 'error', 'attempts', 'updatedAt'])
    .where('jobId', '=', jobId)
    .where('status', '=', 'failed')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Which jobs a list may show (jobs.service.ts decides from the caller). */
export type JobScope =
  | { all: true }
  /** Jobs of any project (none of the server's own). */
  | { anyProject: true }
  /** Jobs of projects the user is a manager (or admin) member of. */
  | { managedBy: number };

/** A page of jobs, newest first, before `beforeId` (0: from the newest). */
export async function listJobRows(
  db: Db,
  page: {
    scope: JobScope;
    beforeId: number;
    limit: number;
    projectId?: number | undefined;
    status?: JobStatusDb | undefined;
  },
): Promise<JobRow[]> {
  let query = db.selectFrom('jobs').selectAll('jobs').orderBy('jobs.id', 'desc').limit(page.limit);
  if (page.beforeId > 0) query = query.where('jobs.id', '<', page.beforeId);
  if (page.projectId !== undefined) query = query.where('jobs.projectId', '=', page.projectId);
  if (page.status !== undefined) query = query.where('jobs.status', '=', page.status);
  const { scope } = page;
  if ('anyProject' in scope) query = query.where('jobs.projectId', 'is not', null);
  if ('managedBy' in scope)
    query = query
      .innerJoin('projectMembers as m', 'm.projectId', 'jobs.projectId')
      .where('m.userId', '=', scope.managedBy)
      .where('m.role', 'in', ['manager', 'admin']);
  return query.execute();
}
