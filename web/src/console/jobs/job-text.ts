import type { Job, JobStatus } from '../../../../core/api/jobs.ts';

/** A job's status as people say it. */
export function jobStatusText(status: JobStatus): string {
  switch (status) {
    case 'queued':
      return 'Waiting to start';
    case 'running':
      return 'Running';
    case 'succeeded':
      return 'Done';
    case 'failed':
      return 'Failed';
    case 'cancelled':
      return 'Cancelled';
  }
}

/** "40 of 100 steps done, 2 failed": the bar's spoken value. */
export function jobSummary(job: Pick<Job, 'doneSteps' | 'failedSteps' | 'totalSteps' | 'status'>): string {
  const failed = job.failedSteps > 0 ? `, ${job.failedSteps} failed` : '';
  return `${job.doneSteps} of ${job.totalSteps} steps done${failed} (${jobStatusText(job.status).toLowerCase()})`;
}

/** What a job does, by its kind. */
export function jobKindText(kind: string): string {
  const known: Record<string, string> = {
    generate: 'Generate candidates',
    judge: 'Model judge',
    suggest: 'Model suggestions',
  };
  return known[kind] ?? kind;
}
