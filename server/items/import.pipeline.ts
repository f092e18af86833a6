import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import type pg from 'pg';
import { errorCodes } from '../../core/errors.ts';
import { kyselyOnClient, type Store } from '../db/connect.ts';
import type { Database } from '../db/schema.ts';
import { type OpenTransaction, openSqliteTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { WorkerReply, WorkerRequest } from './import.worker.ts';
import { FastPathConflict, type ImportTarget, type RangeResult, SpoolInserter } from './import.writer.ts';

/** Runs pass two's steps in the order they are asked for. */
interface Executor {
  begin(): Promise<void>;
  /** `fromStart`: the result covers the spool from its start (the import started over). */
  insert(
    from: number,
    to: number,
  ): Promise<{ result: RangeResult; busyMs: number; idleMs: number; fromStart?: boolean }>;
  end(commit: boolean): Promise<void>;
}

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
  private result: RangeResult = { items: 0, annotations: 0, errors: [] };
  private busyMs = 0;
  private idleMs = 0;
  private idleFrom = 0;
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;
  private finishing = false;

  private executor: Executor | undefined;
  private watchIdle = false;

  private constructor(private readonly makeExecutor: (whole: boolean) => Executor) {}

  /**
   * On SQLite, an import that fits in one stretch (its spool is complete before the first
   * publish) is inserted on this event loop, as any write; a larger one in the import worker.
   */
  static open(store: Store, project: ImportTarget, spoolPath: string): InsertPipeline {
    if (store.kind === 'postgres')
      return new InsertPipeline(() => new LocalExecutor(store.pool, project, spoolPath));
    const pipeline: InsertPipeline = new InsertPipeline((whole) => {
      if (whole) return new MainThreadExecutor(store, project, spoolPath);
      pipeline.watchIdle = true;
      return new WorkerExecutor(store, project, spoolPath);
    });
    return pipeline;
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
  async finish(total: number, keep: (r: RangeResult) => boolean): Promise<RangeResult> {
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
        .insert(from, this.sent)
        .then((r) => {
          this.outstanding -= 1;
          if (generation !== this.generation) return;
          if (r.fromStart) this.result = { items: 0, annotations: 0, errors: [] };
          this.result.items += r.result.items;
          this.result.annotations += r.result.annotations;
          this.result.errors.push(...r.result.errors);
          this.busyMs += r.busyMs;
          this.idleMs = r.idleMs;
          this.idleFrom = performance.now();
          if (this.outstanding === 0) this.armTimer();
        }),
    );
  }

  private armTimer(): void {
    if (!this.watchIdle || this.mode !== 'overlap' || this.finishing) return;
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
    this.result = { items: 0, annotations: 0, errors: [] };
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

/**
 * PostgreSQL: the transaction on a client of the pool, steps chained on this event loop. Starts
 * in fast mode (COPY); if a taken external id fails it, rolls back and inserts everything
 * published so far again in exact mode, which finds and names every taken id.
 */
class LocalExecutor implements Executor {
  private readonly run = inOrder();
  private client: pg.PoolClient | undefined;
  private inserter: SpoolInserter | undefined;
  private mode: 'fast' | 'exact' = 'fast';

  constructor(
    private readonly pool: pg.Pool,
    private readonly project: ImportTarget,
    private readonly spoolPath: string,
  ) {}

  begin(): Promise<void> {
    return this.run(() => this.open());
  }

  private async open(): Promise<void> {
    const client = await this.pool.connect();
    this.client = client;
    await client.query('begin');
    const target = { kind: 'postgres' as const, client };
    this.inserter = new SpoolInserter(
      target,
      kyselyOnClient(client),
      this.project,
      this.spoolPath,
      this.mode,
    );
    await this.inserter.start();
  }

  insert(from: number, to: number) {
    return this.run(async () => {
      if (!this.inserter) throw new Error('no import transaction is open');
      const started = performance.now();
      try {
        const result = await this.inserter.insertRange(from, to);
        return { result, busyMs: performance.now() - started, idleMs: 0 };
      } catch (err) {
        if (!(err instanceof FastPathConflict)) throw err;
      }
      await this.close(false);
      this.mode = 'exact';
      await this.open();
      const result = await this.inserter.insertRange(0, to);
      return { result, busyMs: performance.now() - started, idleMs: 0, fromStart: true };
    });
  }

  end(commit: boolean): Promise<void> {
    return this.run(() => this.close(commit));
  }

  private async close(commit: boolean): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.inserter = undefined;
    if (!client) return;
    try {
      await client.query(commit ? 'commit' : 'rollback');
      client.release();
    } catch (err) {
      // A client whose COMMIT or ROLLBACK failed is not given back to the pool.
      client.release(err as Error);
      throw err;
    }
  }
}

/** SQLite, an import of one stretch: a write transaction on the server's own connection. */
class MainThreadExecutor implements Executor {
  private readonly run = inOrder();
  private txn: OpenTransaction | undefined;
  private inserter: SpoolInserter | undefined;

  constructor(
    private readonly store: Extract<Store, { kind: 'sqlite' }>,
    private readonly project: ImportTarget,
    private readonly spoolPath: string,
  ) {}

  begin(): Promise<void> {
    return this.run(async () => {
      this.txn = await openSqliteTransaction(this.store.db);
      const target = { kind: 'sqlite' as const, sqlite: this.store.sqlite };
      this.inserter = new SpoolInserter(target, this.txn.tx, this.project, this.spoolPath);
      await this.inserter.start();
    });
  }

  insert(from: number, to: number) {
    return this.run(async () => {
      if (!this.inserter) throw new Error('no import transaction is open');
      const started = performance.now();
      const result = await this.inserter.insertRange(from, to);
      return { result, busyMs: performance.now() - started, idleMs: 0 };
    });
  }

  end(commit: boolean): Promise<void> {
    return this.run(async () => {
      const txn = this.txn;
      this.txn = undefined;
      this.inserter = undefined;
      if (txn) await txn.end(commit);
    });
  }
}

/** Runs the functions it is given one after another, in the order given, whatever each returns. */
function inOrder() {
  let chain: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const step = chain.then(fn);
    chain = step.catch(() => {});
    return step;
  };
}

/**
 * SQLite: the steps run in the import worker on its own connection. While its transaction is
 * open, this process's own connection is held too, so the server's other writers wait for the
 * import here (asynchronously) instead of blocking the event loop on the file lock.
 */
class WorkerExecutor implements Executor {
  private release: (() => void) | undefined;
  /** Settles once every earlier request has been posted: the worker must get them in order. */
  private posted: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Extract<Store, { kind: 'sqlite' }>,
    private readonly project: ImportTarget,
    private readonly spoolPath: string,
  ) {}

  private request(req: WorkerRequest, before?: () => Promise<void>): Promise<OkReply> {
    let reply: Promise<OkReply> | undefined;
    const posted = this.posted.then(async () => {
      if (before) await before();
      reply = importWorker(this.store).send(req);
    });
    this.posted = posted.catch(() => {});
    return posted.then(() => reply!);
  }

  async begin(): Promise<void> {
    const req: WorkerRequest = {
      op: 'begin',
      file: this.store.file,
      spoolPath: this.spoolPath,
      project: this.project,
    };
    try {
      await this.request(req, async () => {
        this.release = await holdConnection(this.store.db);
      });
    } catch (err) {
      this.free();
      throw err;
    }
  }

  async insert(from: number, to: number) {
    const reply = await this.request({ op: 'insert', from, to });
    if (reply.op !== 'insert') throw new Error('import worker answered out of order');
    return reply;
  }

  async end(commit: boolean): Promise<void> {
    try {
      await this.request({ op: 'end', commit, file: this.store.file });
    } finally {
      this.free();
    }
  }

  private free(): void {
    this.release?.();
    this.release = undefined;
  }
}

/** Takes the store's (single) connection and keeps it until the returned function is called. */
function holdConnection(db: Kysely<Database>): Promise<() => void> {
  return new Promise((resolve, reject) => {
    db.connection()
      .execute(() => new Promise<void>((release) => resolve(release)))
      .catch(reject);
  });
}

type OkReply = Extract<WorkerReply, { ok: true }>;

/** The import worker of a store: started on the first import, stopped when the store closes. */
class ImportWorker {
  private readonly worker: Worker;
  private readonly waiting: { resolve(r: OkReply): void; reject(e: unknown): void }[] = [];
  dead = false;

  constructor() {
    this.worker = new Worker(new URL('./import.worker-boot.cjs', import.meta.url), {
      workerData: { entryPath: fileURLToPath(new URL('./import.worker.ts', import.meta.url)) },
    });
    this.worker.unref();
    this.worker.on('message', (reply: WorkerReply) => {
      const w = this.waiting.shift();
      if (!w) return;
      if (reply.ok) w.resolve(reply);
      else w.reject(errorFromWorker(reply.error));
    });
    const fail = (err: unknown) => {
      this.dead = true;
      for (const w of this.waiting.splice(0)) w.reject(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`the import worker stopped (exit code ${code})`)));
  }

  send(req: WorkerRequest): Promise<OkReply> {
    if (this.dead) return Promise.reject(new Error('the import worker has stopped'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(req);
    });
  }

  async stop(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

const workers = new WeakMap<Store, ImportWorker>();

/** Starts the store's import worker now (SQLite; nothing to start for PostgreSQL). */
export function startImportWorker(store: Store): void {
  if (store.kind === 'sqlite') importWorker(store);
}

function importWorker(store: Extract<Store, { kind: 'sqlite' }>): ImportWorker {
  let w = workers.get(store);
  if (!w || w.dead) {
    const fresh = new ImportWorker();
    if (!w) store.onClose(() => (workers.get(store) ?? fresh).stop());
    workers.set(store, fresh);
    w = fresh;
  }
  return w;
}

function errorFromWorker(e: { message: string; code?: string | undefined; details?: unknown }): Error {
  if (e.code && e.code in errorCodes)
    return new AppError(e.code as keyof typeof errorCodes, e.message, e.details);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}
