import type { Store } from '../db/store.ts';
import type { Executor, InsertStep } from './executor.ts';
import { PostgresExecutor, SqliteExecutor } from './executors.ts';
import { WorkerExecutor } from './worker-client.ts';
import type { ImportTarget, StretchResult } from './writer.ts';

/**
 * How long an open SQLite transaction may wait for pass one before the import gives it up and
 * inserts after the upload instead: 250 ms, plus as long as it has spent inserting. A fast
 * upload overlaps the two passes; a slow one never holds the store's write lock for long while
 * it waits on the network.
 */
export const IDLE_ALLOWANCE_MS = 250;

/**
 * Pass two of an import, run beside pass one: each stretch of the spool pass one publishes is
 * inserted at once into an open transaction (SQLite: in the import worker; PostgreSQL: on this
 * event loop while pass one goes on). The caller commits at the end, or the transaction is
 * rolled back and nothing is written. On SQLite, where the open transaction holds the store's
 * write lock, an upload too slow to keep the inserts busy makes it roll back and insert the
 * whole spool after the upload, as a two-pass import.
 */
export class InsertPipeline {
  private mode: 'waiting' | 'overlap' | 'deferred' | 'stopped' = 'waiting';
  private published = 0;
  private sent = 0;
  private outstanding = 0;
  private steps: Promise<unknown>[] = [];
  private failure: { error: unknown } | undefined;
  private result: StretchResult = { items: 0, annotations: 0, predictions: 0, errors: [] };
  private busyMs = 0;
  private idleMs = 0;
  private idleFrom = 0;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private finishing = false;

  private executor: Executor | undefined;

  private constructor(private readonly makeExecutor: (whole: boolean) => Executor) {}

  /**
   * On SQLite, an import that fits in one stretch (its spool is complete before the first
   * publish) is inserted on this event loop, as any write; a larger one in the import worker.
   */
  static open(store: Store, project: ImportTarget, spoolPath: string): InsertPipeline {
    if (store.kind === 'postgres')
      return new InsertPipeline(() => new PostgresExecutor(store.pool, project, spoolPath));
    return new InsertPipeline((whole) =>
      whole ? new SqliteExecutor(store, project, spoolPath) : new WorkerExecutor(store, project, spoolPath),
    );
  }

  private exec(whole = false): Executor {
    this.executor ??= this.makeExecutor(whole);
    return this.executor;
  }

  /** Pass one has written whole lines up to byte `to` of the spool. */
  publish(to: number): void {
    if (to <= this.published || this.finishing) return;
    this.published = to;
    if (this.mode === 'waiting') {
      this.mode = 'overlap';
      this.track(this.exec().begin());
      this.idleFrom = performance.now();
    }
    if (this.mode === 'overlap') this.send();
  }

  /** An invalid line will undo the import: roll back now and insert nothing more. */
  stop(): void {
    if (this.mode === 'stopped') return;
    const wasOpen = this.mode === 'overlap';
    this.mode = 'stopped';
    this.clearTimer();
    if (wasOpen) this.track(this.exec().end(false));
  }

  /**
   * Every line is in the spool: inserts what is left, then commits if `keep` approves the result
   * (it may not, e.g. when an id already taken made a line invalid), else rolls back.
   */
  async finish(total: number, keep: (r: StretchResult) => boolean): Promise<StretchResult> {
    // Publishing `total` now would only start an overlap; begin below inserts the rest at once.
    this.finishing = true;
    this.published = Math.max(this.published, total);
    this.clearTimer();
    if (this.mode === 'stopped') {
      await this.settled();
      return this.result;
    }
    if (this.mode !== 'overlap') {
      this.mode = 'overlap';
      this.track(this.exec(true).begin());
    }
    this.send();
    await this.settled();
    const executor = this.exec();
    if (!this.failure && executor.complete)
      this.track(executor.complete().then((step) => step && this.absorb(step)));
    await this.settled();
    if (this.failure) {
      await this.exec()
        .end(false)
        .catch(() => {});
      throw this.failure.error;
    }
    await this.exec().end(keep(this.result));
    return this.result;
  }

  /** Gives up whatever is open (the import failed before it finished). */
  async abandon(): Promise<void> {
    this.stop();
    await this.settled();
  }

  private send(): void {
    if (this.sent >= this.published) return;
    const from = this.sent;
    this.sent = this.published;
    this.outstanding += 1;
    this.clearTimer();
    const generation = this.generation;
    this.track(
      this.exec()
        .insert({ from, to: this.sent })
        .then((r) => {
          this.outstanding -= 1;
          if (generation !== this.generation) return;
          this.absorb(r);
          if (this.outstanding === 0) this.armTimer();
        }),
    );
  }

  private absorb(r: InsertStep): void {
    if (r.fromStart) this.result = { items: 0, annotations: 0, predictions: 0, errors: [] };
    this.result.items += r.result.items;
    this.result.annotations += r.result.annotations;
    this.result.predictions += r.result.predictions;
    this.result.errors.push(...r.result.errors);
    this.busyMs += r.busyMs;
    this.idleMs = r.idleMs;
    this.idleFrom = performance.now();
  }

  private armTimer(): void {
    if (!this.executor?.holdsWriteLock || this.mode !== 'overlap' || this.finishing) return;
    const waited = this.idleMs + (performance.now() - this.idleFrom);
    const left = IDLE_ALLOWANCE_MS + this.busyMs - waited;
    if (left <= 0) {
      this.defer();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.outstanding === 0 && this.mode === 'overlap') this.armTimer();
    }, left + 1);
    this.timer.unref();
  }

  /** Too slow an upload: roll back what is in and insert the whole spool once it is complete. */
  private defer(): void {
    this.mode = 'deferred';
    this.generation += 1;
    this.result = { items: 0, annotations: 0, predictions: 0, errors: [] };
    this.sent = 0;
    this.busyMs = 0;
    this.idleMs = 0;
    this.track(this.exec().end(false));
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private track(step: Promise<unknown>): void {
    this.steps.push(
      step.catch((error) => {
        this.failure ??= { error };
      }),
    );
  }

  private async settled(): Promise<void> {
    while (this.steps.length > 0) await Promise.all(this.steps.splice(0));
  }
}
