import { z } from 'zod';
import { Id, IsoTime, PageQuery } from './common.ts';

/** Background jobs (docs/jobs.md): their progress, their failed steps, cancelling them. */

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;
/** Whether a job of this status may still change (and be cancelled). */
export const jobIsOpen = (status: JobStatus): boolean => status === 'queued' || status === 'running';

export const Job = z
  .object({
    id: z.number().int(),
    kind: z.string().describe('what the job does, e.g. `generate`'),
    projectId: z.number().int().nullable().describe('null for jobs of the whole server (admins only)'),
    status: JobStatus,
    totalSteps: z.number().int(),
    doneSteps: z.number().int(),
    failedSteps: z.number().int(),
    progress: z
      .number()
      .min(0)
      .max(1)
      .describe('settled steps (done or failed) over all steps; 1 when ended'),
    error: z.string().nullable().describe('for a failed job: how many steps failed, and the first error'),
    createdBy: z.number().int().nullable(),
    createdAt: IsoTime,
    updatedAt: IsoTime,
    startedAt: IsoTime.nullable(),
    finishedAt: IsoTime.nullable(),
  })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof Job>;

export const JobStepCounts = z
  .object({
    pending: z.number().int(),
    running: z.number().int(),
    done: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
  })
  .meta({ id: 'JobStepCounts' });

export const JobFailure = z
  .object({
    key: z.string().describe("the step's unit of work, e.g. `item:17:slot:2`"),
    error: z.string(),
    attempts: z.number().int(),
    at: IsoTime,
  })
  .meta({ id: 'JobFailure' });

export const JOB_FAILURES_SHOWN = 50;

export const JobDetail = Job.extend({
  steps: JobStepCounts,
  failures: z.array(JobFailure).describe(`the first ${JOB_FAILURES_SHOWN} failed steps, in order`),
}).meta({ id: 'JobDetail' });
export type JobDetail = z.infer<typeof JobDetail>;

export const JobParams = z.object({ jobId: Id });
export const ListJobsQuery = PageQuery.extend({
  projectId: Id.optional().describe("only this project's jobs"),
  status: JobStatus.optional(),
});
