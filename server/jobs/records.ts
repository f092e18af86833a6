import type { AppContext } from '../context.ts';
import { findJob } from './jobs.repository.ts';
import type { JobKind, JobRecord } from './kind.ts';
import type { ClaimedStep } from './steps.repository.ts';

/** Jobs kept per runner (a job's record does not change once written). */
const KEPT = 1000;

/**
 * The runner's jobs as their kinds see them (JobRecord), read once each and kept: the stored
 * parameters checked by the kind's schema each time a runner loads the job.
 */
export class JobRecords {
  private readonly kept = new Map<number, Promise<JobRecord>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly kinds: ReadonlyMap<string, JobKind>,
  ) {}

  get(jobId: number): Promise<JobRecord> {
    let record = this.kept.get(jobId);
    if (!record) {
      record = this.load(jobId);
      this.kept.set(jobId, record);
      record.catch(() => this.kept.delete(jobId));
      if (this.kept.size > KEPT) this.kept.delete(this.kept.keys().next().value!);
    }
    return record;
  }

  /** A stand-in for a job that could not be loaded, so its step's failure can be written. */
  placeholder(step: ClaimedStep): JobRecord {
    return {
      id: step.jobId,
      kind: step.kind,
      projectId: null,
      params: null,
      lane: step.lane,
      createdBy: null,
    };
  }

  private async load(jobId: number): Promise<JobRecord> {
    const row = await findJob(this.ctx.store.db, jobId);
    if (!row) throw new Error(`job ${jobId} no longer exists`);
    const kind = this.kinds.get(row.kind);
    if (!kind) throw new Error(`no job kind ${row.kind} in this server`);
    let stored: unknown;
    try {
      stored = JSON.parse(row.params);
    } catch {
      throw new Error("the job's stored parameters are not JSON");
    }
    const parsed = kind.params.safeParse(stored);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const at = issue?.path.length ? `params.${issue.path.join('.')}: ` : '';
      throw new Error(`the job's parameters do not fit its kind: ${at}${issue?.message ?? 'invalid'}`);
    }
    return {
      id: Number(row.id),
      kind: row.kind,
      projectId: row.projectId === null ? null : Number(row.projectId),
      params: parsed.data,
      lane: row.lane,
      createdBy: row.createdBy === null ? null : Number(row.createdBy),
    };
  }
}
