import type { z } from 'zod';
import { JOB_FAILURES_SHOWN, type Job, type JobDetail, type ListJobsQuery } from '../../core/api/jobs.ts';
import { projectAccess } from '../access.ts';
import { type AppContext, type Caller, iso, isoOrNull } from '../context.ts';
import { decodeCursor, pageOf } from '../http/cursor.ts';
import { AppError, notFound } from '../http/errors.ts';
import {
  findJob,
  findJobWithCounts,
  isOpen,
  type JobRow,
  type JobScope,
  listFailedSteps,
  listJobRows,
} from './jobs.repository.ts';

/**
 * Jobs through the API (docs/jobs.md): admins see every job; a project's managers see and cancel
 * its jobs; a job of no project is the admins' alone. Anyone else is told there is no such job.
 */

type JobOut = z.input<typeof Job>;
type JobDetailOut = z.input<typeof JobDetail>;

export async function pageJobs(
  ctx: AppContext,
  caller: Caller,
  query: z.output<typeof ListJobsQuery>,
): Promise<{ items: JobOut[]; nextCursor: string | null }> {
  let scope: JobScope;
  if (caller.role === 'admin') scope = { all: true };
  else if (query.projectId !== undefined) {
    const access = await projectAccess(ctx.store.db, caller, query.projectId);
    if (!access.manage) throw notFound('project');
    scope = { anyProject: true };
  } else scope = caller.role === 'manager' ? { anyProject: true } : { managedBy: caller.id };
  const rows = await listJobRows(ctx.store.db, {
    scope,
    beforeId: decodeCursor(query.cursor),
    limit: query.limit + 1,
    projectId: query.projectId,
    status: query.status,
  });
  const shown = pageOf(rows, query.limit, (r) => r.id);
  return { items: shown.items.map(toJob), nextCursor: shown.nextCursor };
}

export async function getJob(ctx: AppContext, caller: Caller, jobId: number): Promise<JobDetailOut> {
  const job = await visibleJob(ctx, caller, jobId);
  return detailOf(ctx, job);
}

/** Cancels an open job; one that has ended is a 409 CONFLICT that says how it ended. */
export async function cancelJob(ctx: AppContext, caller: Caller, jobId: number): Promise<JobDetailOut> {
  const job = await visibleJob(ctx, caller, jobId);
  if (!isOpen(job.status) || !(await ctx.jobs.cancel(jobId))) {
    const now = (await findJob(ctx.store.db, jobId)) ?? job;
    throw new AppError('CONFLICT', `This job has already ended (${now.status}); there is nothing to cancel.`);
  }
  return detailOf(ctx, (await findJob(ctx.store.db, jobId))!);
}

async function visibleJob(ctx: AppContext, caller: Caller, jobId: number): Promise<JobRow> {
  const job = await findJob(ctx.store.db, jobId);
  if (!job) throw notFound('job');
  if (caller.role === 'admin') return job;
  if (job.projectId === null) throw notFound('job');
  try {
    if ((await projectAccess(ctx.store.db, caller, job.projectId)).manage) return job;
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
  }
  throw notFound('job');
}

async function detailOf(ctx: AppContext, job: JobRow): Promise<JobDetailOut> {
  const [now, failures] = await Promise.all([
    findJobWithCounts(ctx.store.db, job.id),
    listFailedSteps(ctx.store.db, job.id, JOB_FAILURES_SHOWN),
  ]);
  if (!now) throw notFound('job');
  return {
    ...toJob(now.job),
    steps: now.steps,
    failures: failures.map((f) => ({
      key: f.key,
      error: f.error ?? 'failed with no message',
      attempts: f.attempts,
      at: iso(f.updatedAt),
    })),
  };
}

export function toJob(row: JobRow): JobOut {
  const settled = row.doneSteps + row.failedSteps;
  const ended = !isOpen(row.status);
  return {
    id: Number(row.id),
    kind: row.kind,
    projectId: row.projectId === null ? null : Number(row.projectId),
    status: row.status,
    totalSteps: row.totalSteps,
    doneSteps: row.doneSteps,
    failedSteps: row.failedSteps,
    progress: row.totalSteps === 0 ? (ended ? 1 : 0) : Math.min(1, settled / row.totalSteps),
    error: row.error,
    createdBy: row.createdBy === null ? null : Number(row.createdBy),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    startedAt: isoOrNull(row.startedAt),
    finishedAt: isoOrNull(row.finishedAt),
  };
}
