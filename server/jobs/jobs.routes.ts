import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as jobs from './jobs.service.ts';

export const jobHandlers = (ctx: AppContext) =>
  ({
    listJobs: ({ caller, query }) => jobs.pageJobs(ctx, caller, query),
    getJob: ({ caller, params }) => jobs.getJob(ctx, caller, params.jobId),
    cancelJob: ({ caller, params }) => jobs.cancelJob(ctx, caller, params.jobId),
  }) satisfies Partial<Handlers>;
