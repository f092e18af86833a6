/**
 * The job system's interface to the rest of the server (`ctx.jobs`), apart from kind.ts so that
 * AppContext can name it without a cycle; kind.ts re-exports both.
 */

/** A job to create: `params` are checked by its kind's schema before anything is written. */
export interface NewJob {
  kind: string;
  projectId: number | null;
  params: unknown;
  /** Steps of jobs in one lane share the lane's limit (`model:<connection id>`). */
  lane?: string | null;
  createdBy: number | null;
}

/** The job system as the rest of the server sees it (`ctx.jobs`; server/jobs/). */
export interface JobQueue {
  /** Creates the job and plans its steps in one transaction, wakes the runners, returns its id. */
  enqueue(job: NewJob): Promise<number>;
  /**
   * Cancels a job that has not ended: its pending steps are cancelled, running ones' outcomes
   * discarded (their run() sees its AbortSignal aborted within a heartbeat). False: it had ended.
   */
  cancel(jobId: number): Promise<boolean>;
}
