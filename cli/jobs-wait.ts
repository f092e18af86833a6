import type { ApiClient } from '../core/api/client.ts';
import { type JobDetail, jobIsOpen } from '../core/api/jobs.ts';
import { UsageError } from './errors.ts';

/**
 * Following a background job from the command line (docs/jobs.md): `verity generate --wait` and
 * anything else that starts a job use waitForJob.
 */

export interface WaitOptions {
  /** Report progress on `out` (default stderr): a redrawn bar on a TTY, a line per change otherwise. */
  progress?: boolean;
  out?: NodeJS.WriteStream;
  /** How often the job is read (default 500 ms). */
  intervalMs?: number;
}

/** Polls the job until it ends and resolves with its last state (succeeded, failed or cancelled). */
export async function waitForJob(
  client: ApiClient,
  jobId: number,
  options: WaitOptions = {},
): Promise<JobDetail> {
  const out = options.out ?? process.stderr;
  const interval = options.intervalMs ?? 500;
  const start = Date.now();
  const tty = out.isTTY === true;
  let lastLine = '';
  for (;;) {
    const job = await client.call('getJob', { params: { jobId } });
    if (options.progress) {
      const line = jobProgressLine(job, Date.now() - start);
      if (tty) out.write(`\r${line}\x1b[K`);
      else if (plainPart(line) !== plainPart(lastLine)) out.write(`${line}\n`);
      lastLine = line;
    }
    if (!jobIsOpen(job.status)) {
      if (options.progress) {
        if (tty) out.write('\n');
        out.write(`${jobOutcomeLine(job)}\n`);
      }
      return job;
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** The line without its rate, which changes on every poll: plain output prints a line per change. */
const plainPart = (line: string) => line.replace(/ {2}\d+ steps\/s$/, '');

/** `[#####-----]  50% 500 / 1000 steps, 2 failed  120 steps/s`. Pure. */
export function jobProgressLine(
  job: Pick<JobDetail, 'totalSteps' | 'doneSteps' | 'failedSteps' | 'progress'>,
  elapsedMs: number,
  width = 30,
): string {
  const ratio = Math.min(1, Math.max(0, job.progress));
  const filled = Math.round(ratio * width);
  const settled = job.doneSteps + job.failedSteps;
  const pct = `${Math.floor(ratio * 100)}%`.padStart(4);
  const failed = job.failedSteps > 0 ? `, ${job.failedSteps} failed` : '';
  const rate = elapsedMs > 0 ? Math.round((settled / elapsedMs) * 1000) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct} ${settled} / ${job.totalSteps} steps${failed}  ${rate} steps/s`;
}

/** How the job ended, in one sentence. */
export function jobOutcomeLine(
  job: Pick<JobDetail, 'id' | 'status' | 'doneSteps' | 'totalSteps' | 'error'>,
): string {
  switch (job.status) {
    case 'succeeded':
      return `Job ${job.id} succeeded: ${job.doneSteps} of ${job.totalSteps} steps done.`;
    case 'failed':
      return `Job ${job.id} failed: ${job.error ?? 'some steps failed'}.`;
    case 'cancelled':
      return `Job ${job.id} was cancelled after ${job.doneSteps} of ${job.totalSteps} steps.`;
    default:
      return `Job ${job.id} is ${job.status}.`;
  }
}

/** The job id argument: a positive integer, or a usage error. */
export function jobIdArgument(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`ID must be a job's number, not "${value ?? ''}"`);
  return Number(value);
}
