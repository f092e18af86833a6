import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { cancelJobRows, insertJob, settleTotal } from './jobs.repository.ts';
import type { JobKind, JobQueue, JobRecord, NewJob } from './kind.ts';
import { JobRunner } from './runner.ts';
import { type RunnerOptions, runnerOptions } from './runner-options.ts';

/**
 * The job system as the rest of the server sees it (`ctx.jobs`, docs/jobs.md): enqueue creates a
 * job and plans its steps in one write transaction; a runner (at most one per process, started
 * by `verity start`) runs them. Building it costs nothing, so the CLI's local commands have it too.
 */
export class JobSystem implements JobQueue {
  private readonly kinds = new Map<string, JobKind>();
  private ctx: AppContext | null = null;
  private runner: JobRunner | null = null;

  constructor(kinds: readonly JobKind[] = []) {
    for (const kind of kinds) this.add(kind);
  }

  /** Binds the context the kinds are called with (the one this system is part of). */
  bind(ctx: AppContext): void {
    this.ctx = ctx;
  }

  add(kind: JobKind): void {
    if (this.kinds.has(kind.kind)) throw new Error(`job kind ${kind.kind} is registered twice`);
    this.kinds.set(kind.kind, kind);
  }

  kind(name: string): JobKind | undefined {
    return this.kinds.get(name);
  }

  async enqueue(job: NewJob): Promise<number> {
    const ctx = this.context();
    const kind = this.kinds.get(job.kind);
    if (!kind) {
      const message = `no job kind ${JSON.stringify(job.kind)}`;
      throw new AppError('VALIDATION_FAILED', `kind: ${message}`, [{ path: 'kind', message }]);
    }
    const parsed = kind.params.safeParse(job.params);
    if (!parsed.success) {
      const details = parsed.error.issues.map((i) => ({
        path: ['params', ...i.path.map(String)].join('.'),
        message: i.message,
      }));
      const first = details[0]!;
      throw new AppError('VALIDATION_FAILED', `${first.path}: ${first.message}`, details);
    }
    const lane = job.lane ?? null;
    const id = await writeTransaction(ctx.store, async (tx) => {
      const now = Date.now();
      const jobId = await insertJob(tx, {
        kind: kind.kind,
        projectId: job.projectId,
        params: JSON.stringify(parsed.data ?? null),
        lane,
        createdBy: job.createdBy,
        now,
      });
      const record: JobRecord = {
        id: jobId,
        kind: kind.kind,
        projectId: job.projectId,
        params: parsed.data,
        lane,
        createdBy: job.createdBy,
      };
      await kind.plan(tx, ctx, record);
      await settleTotal(tx, jobId, Date.now());
      return jobId;
    });
    this.runner?.wake();
    return id;
  }

  async cancel(jobId: number): Promise<boolean> {
    const ctx = this.context();
    return writeTransaction(ctx.store, (tx) => cancelJobRows(tx, jobId, Date.now()));
  }

  /** Starts this process's runner (once); `log` receives what went wrong in the background. */
  startRunner(options: Partial<RunnerOptions> = {}, log?: (message: string, err?: unknown) => void) {
    if (this.runner) return this.runner;
    this.runner = new JobRunner(this.context(), this.kinds, runnerOptions(options), log);
    this.runner.start();
    return this.runner;
  }

  /** Stops the runner, if one runs: no new claims, running steps finish or are given back. */
  async stopRunner(): Promise<void> {
    const runner = this.runner;
    this.runner = null;
    await runner?.close();
  }

  private context(): AppContext {
    if (!this.ctx) throw new Error('the job system is not bound to a context');
    return this.ctx;
  }
}
