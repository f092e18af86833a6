import { page } from './common.ts';
import { Job, JobDetail, JobParams, ListJobsQuery } from './jobs.ts';
import { route } from './route.ts';

/** Background jobs: admins see all; a project's managers see and cancel its jobs. */
export const jobRoutes = {
  listJobs: route({
    operationId: 'listJobs',
    method: 'GET',
    path: '/api/jobs',
    summary: 'Jobs the caller may see, newest first (admin: all; a manager: those of projects they manage)',
    tag: 'jobs',
    auth: 'user',
    query: ListJobsQuery,
    response: page(Job),
  }),
  getJob: route({
    operationId: 'getJob',
    method: 'GET',
    path: '/api/jobs/{jobId}',
    summary: "A job's progress: counts per step status, timings, error, the first failed steps",
    tag: 'jobs',
    auth: 'user',
    params: JobParams,
    response: JobDetail,
  }),
  cancelJob: route({
    operationId: 'cancelJob',
    method: 'POST',
    path: '/api/jobs/{jobId}/cancel',
    summary: 'Cancel a job: pending steps are dropped, running ones discarded (409 CONFLICT once it ended)',
    tag: 'jobs',
    auth: 'user',
    params: JobParams,
    response: JobDetail,
  }),
} as const;
