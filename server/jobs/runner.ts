import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { retryDelay } from './backoff.ts';
import { type JobKind, type JobRecord, StepFailure, type StepRecord } from './kind.ts';
import { type Finished, messageOf, type Outcome, writeOutcomes, writeOutcomesThen } from './outcomes.ts';
import { JobRecords } from './records.ts';
import type { RunnerOptions } from './runner-options.ts';
import {
  type ClaimedStep,
  type ClaimOutcome,
  type ClaimRequest,
  claimSteps,
  hasClaimable,
  releaseSteps,
  renewLeases,
} from './steps.repository.ts';

interface Held {
  claimed: ClaimedStep;
  kind: JobKind;
  abort: AbortController;
  /** Given back or lost: whatever its run() ends with is not written. */
  dropped: boolean;
  /** Its outcome, once run() ended, until written. */
  outcome?: Outcome;
}

/**
 * The one runner of a server process (docs/jobs.md): claims ready steps in batches under a lease
 * (owner: a random id), runs each kind's run() outside any transaction with an AbortSignal,
 * renews the leases it holds, and writes finished steps in batches (outcomes.ts). Woken at once
 * by an enqueue in this process, otherwise it polls.
 */
export class JobRunner {
  readonly owner = randomUUID();
  private readonly held = new Map<number, Held>();
  /** Held steps whose run() has not ended (the ones the concurrency bounds). */
  private running = 0;
  private claimTimer: NodeJS.Timeout | null = null;
  /** When lapsed leases were last sent back to pending. */
  private lastReclaim = 0;
  /** Jobs seen running (their status need not be set again). */
  private readonly startedJobs = new Set<number>();
  private readonly records: JobRecords;
  private readonly laneLimits = new Map<string, { limit: number; at: number }>();
  private claiming: Promise<void> | null = null;
  private again = false;
  private flushing: Promise<void> | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private settledWaiters: (() => void)[] = [];

  constructor(
    private readonly ctx: AppContext,
    private readonly kinds: ReadonlyMap<string, JobKind>,
    readonly options: RunnerOptions,
    private readonly log: (message: string, err?: unknown) => void = () => {},
  ) {
    this.records = new JobRecords(ctx, kinds);
  }

  start(): void {
    this.pollTimer = setInterval(() => this.wake(true), this.options.pollMs);
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.options.heartbeatMs);
    this.pollTimer.unref();
    this.heartbeatTimer.unref();
    this.wake();
  }

  /**
   * Asks for ready steps now (an enqueue in this process, free places after a write); `poll`: the
   * timer's, which first looks without writing.
   */
  wake(poll = false): void {
    if (this.closing) return;
    if (this.claiming) {
      if (!poll) this.again = true;
      return;
    }
    this.claiming = this.claimLoop(poll)
      .catch((err) => this.log('jobs: claiming steps failed', err))
      .finally(() => {
        this.claiming = null;
      });
  }

  private wakeSoon(): void {
    if (this.claimTimer || this.closing) return;
    this.claimTimer = setTimeout(() => {
      this.claimTimer = null;
      this.wake();
    }, this.options.claimDelayMs);
  }

  /** Steps held now (running, or finished and not yet written). */
  get load(): number {
    return this.held.size;
  }

  private async claimLoop(poll: boolean): Promise<void> {
    if (poll && this.running < this.options.concurrency) {
      const kinds = [...this.kinds.keys()];
      if (!(await hasClaimable(this.ctx.store.db, Date.now(), kinds))) return;
    }
    do {
      this.again = false;
      const free = this.freePlaces(0);
      if (free <= 0 || this.closing) return;
      const more = await this.claimOnce(free);
      if (more) this.again = true;
    } while (this.again && !this.closing);
  }

  /**
   * How many steps a claim may take, `writing` held ones being written meanwhile: running steps
   * are bounded by the concurrency, held ones (running, or finished and not yet written) by twice
   * that, which bounds the work a crash makes repeat.
   */
  private freePlaces(writing: number): number {
    return Math.min(
      this.options.concurrency - this.running,
      2 * this.options.concurrency - (this.held.size - writing),
    );
  }

  /** One claim; true when there is probably more to take at once. */
  private async claimOnce(max: number): Promise<boolean> {
    const request = this.claimRequest(max);
    const claim = await writeTransaction(
      this.ctx.store,
      (tx) => claimSteps(this.ctx.store, tx, request),
      // Only lease state: a crash loses nothing that a lease expiry would not give back.
      { durable: false },
    );
    return this.accept(claim, max);
  }

  private claimRequest(max: number): ClaimRequest {
    const now = Date.now();
    const stale = [...this.laneLimits].filter(([, v]) => now - v.at > this.options.laneLimitTtlMs);
    for (const [lane] of stale) this.laneLimits.delete(lane);
    // Lapsed leases are looked for once a poll interval, not on every claim.
    const reclaimLapsed = now - this.lastReclaim >= this.options.pollMs;
    if (reclaimLapsed) this.lastReclaim = now;
    return {
      owner: this.owner,
      now,
      leaseMs: this.options.leaseMs,
      max,
      kinds: [...this.kinds.keys()],
      limitOf: (lane) => this.laneLimits.get(lane)?.limit,
      reclaimLapsed,
      startedJobs: this.startedJobs,
    };
  }

  /** Begins the claimed steps; true when there is probably more to take at once. */
  private async accept(claim: ClaimOutcome, max: number): Promise<boolean> {
    if (this.startedJobs.size > 10_000) this.startedJobs.clear();
    for (const step of claim.steps) {
      this.startedJobs.add(step.jobId);
      this.begin(step);
    }
    for (const { lane, kind } of claim.unknownLanes) await this.learnLimit(lane, kind);
    return (claim.more && claim.steps.length === max) || claim.unknownLanes.length > 0;
  }

  private async learnLimit(lane: string, kindName: string): Promise<void> {
    const kind = this.kinds.get(kindName);
    let limit = Number.POSITIVE_INFINITY;
    try {
      if (kind?.laneLimit) limit = Math.max(1, Math.floor(await kind.laneLimit(this.ctx, lane)));
    } catch (err) {
      this.log(`jobs: the limit of lane ${lane} could not be read`, err);
      limit = 1;
    }
    this.laneLimits.set(lane, { limit, at: Date.now() });
  }

  private begin(claimed: ClaimedStep): void {
    const kind = this.kinds.get(claimed.kind)!;
    const entry: Held = { claimed, kind, abort: new AbortController(), dropped: false };
    this.held.set(claimed.id, entry);
    this.running += 1;
    void this.run(entry);
  }

  private async run(entry: Held): Promise<void> {
    const { claimed, kind } = entry;
    const step: StepRecord = {
      id: claimed.id,
      jobId: claimed.jobId,
      key: claimed.key,
      attempts: claimed.attempts,
    };
    let outcome: Outcome;
    let job: JobRecord | undefined;
    try {
      job = await this.records.get(claimed.jobId);
      if (claimed.attempts > this.options.maxAttempts)
        throw new StepFailure(
          `gave up after ${claimed.attempts - 1} attempts (the last runner stopped while running it)`,
          { retryable: false },
        );
      outcome = { type: 'done', result: await kind.run(this.ctx, job, step, entry.abort.signal) };
    } catch (err) {
      outcome = this.failure(err, claimed.attempts);
    }
    this.running -= 1;
    // A place is free: claim again soon, with whatever else ends meanwhile. A lane's step counts
    // in its lane until it is written, so for those the write's end wakes the claim instead.
    if (claimed.lane === null || entry.dropped) this.wakeSoon();
    if (entry.dropped) {
      this.forget(claimed.id);
      return;
    }
    entry.outcome = outcome;
    this.finished.push({
      kind,
      job: job ?? this.records.placeholder(claimed),
      step,
      outcome,
    });
    this.scheduleFlush();
  }

  private readonly finished: Finished[] = [];

  private failure(err: unknown, attempts: number): Outcome {
    const error = messageOf(err);
    if (!(err instanceof StepFailure) || !err.retryable) return { type: 'fail', error };
    if (attempts >= this.options.maxAttempts)
      return { type: 'fail', error: `${error} (after ${attempts} attempts)` };
    const wait = retryDelay(this.options, attempts, err.retryAfterMs);
    return { type: 'retry', error, runAfter: Date.now() + wait };
  }

  private scheduleFlush(): void {
    // While closing, close() writes what is left itself.
    if (this.flushing || this.flushTimer || this.closing) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      this.flushing = this.flush().then(
        (claimAgain) => {
          this.flushing = null;
          if (this.finished.length > 0) this.scheduleFlush();
          // The written steps no longer count in their lanes: places there may be free now.
          if (claimAgain) this.wake();
        },
        () => {
          this.flushing = null;
        },
      );
    }, this.options.flushDelayMs);
  }

  /**
   * Writes what finished; the places it frees are claimed in the same transaction when no other
   * claim is under way (one transaction instead of two). Returns whether to claim again now (the
   * write took no claim, the claim left more, or a wake came meanwhile).
   */
  private async flush(): Promise<boolean> {
    const batch = this.finished.splice(0);
    const max = this.freePlaces(batch.length);
    if (this.claiming || this.closing || max <= 0) {
      await this.write(batch);
      return true;
    }
    let release = () => {};
    this.claiming = new Promise<void>((resolve) => {
      release = resolve;
    });
    // While this claim is under way, a wake only asks for another one after it.
    this.again = false;
    let more = true;
    try {
      const request = this.claimRequest(max);
      const claim = await writeOutcomesThen(this.ctx, this.owner, batch, this.log, (tx) =>
        claimSteps(this.ctx.store, tx, request),
      );
      for (const f of batch) this.forget(f.step.id);
      if (claim) more = await this.accept(claim, max);
    } catch (err) {
      this.log('jobs: writing finished steps failed', err);
      for (const f of batch) this.forget(f.step.id);
    } finally {
      more ||= this.again;
      this.claiming = null;
      release();
    }
    return more;
  }

  private async write(batch: Finished[]): Promise<void> {
    try {
      await writeOutcomes(this.ctx, this.owner, batch, this.log);
    } catch (err) {
      // Their leases run out and the steps are taken again.
      this.log('jobs: writing finished steps failed', err);
    }
    for (const f of batch) this.forget(f.step.id);
  }

  private forget(id: number): void {
    this.held.delete(id);
    if (this.held.size === 0) for (const w of this.settledWaiters.splice(0)) w();
  }

  /** Renews the leases held; a step no longer held (cancelled, or lost) has its run aborted. */
  private async heartbeat(): Promise<void> {
    const ids = [...this.held.keys()];
    if (ids.length === 0) return;
    let kept: Set<number>;
    try {
      kept = await writeTransaction(
        this.ctx.store,
        (tx) => renewLeases(tx, this.owner, ids, Date.now() + this.options.leaseMs),
        { durable: false },
      );
    } catch (err) {
      this.log('jobs: renewing leases failed', err);
      return;
    }
    for (const id of ids) {
      const entry = this.held.get(id);
      if (!entry || kept.has(id) || entry.outcome) continue;
      entry.dropped = true;
      entry.abort.abort(new Error('the step was cancelled or taken by another runner'));
    }
  }

  /**
   * Stops: no new claims; running steps get `closeWaitMs` to finish and be written, then the
   * rest are aborted and given back (pending again), so another runner takes them at once.
   */
  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.pollTimer) clearInterval(this.pollTimer);
    if (this.heartbeatTimer) clearInterval(this.heartbeatTimer);
    if (this.claimTimer) clearTimeout(this.claimTimer);
    await this.claiming;
    if (this.held.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.closeWaitMs);
        this.settledWaiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    const running = [...this.held.values()].filter((e) => !e.outcome);
    for (const e of running) {
      e.dropped = true;
      e.abort.abort(new Error('the server is stopping'));
    }
    // What finished is written before the store closes.
    for (;;) {
      if (this.flushTimer) {
        clearTimeout(this.flushTimer);
        this.flushTimer = null;
      }
      if (this.flushing) {
        await this.flushing;
        continue;
      }
      if (this.finished.length === 0) break;
      this.flushing = this.flush().then(
        () => {
          this.flushing = null;
        },
        () => {
          this.flushing = null;
        },
      );
    }
    try {
      const ids = running.map((e) => e.claimed.id);
      await writeTransaction(this.ctx.store, (tx) => releaseSteps(tx, this.owner, ids, Date.now()), {
        durable: false,
      });
    } catch (err) {
      this.log('jobs: giving back running steps failed; their leases will run out', err);
    }
  }
}
