import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { errorCodes } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import { setAutoCheckpoint, setJournalSizeLimit, WAL_SIZE_LIMIT } from '../db/sqlite.ts';
import type { Store } from '../db/store.ts';
import { AppError } from '../http/errors.ts';
import type { Executor } from './executor.ts';
import type { Stretch } from './spool.ts';
import type { WorkerReply, WorkerRequest } from './worker.ts';
import type { ImportTarget } from './writer.ts';

/**
 * SQLite: the steps run in the import worker on its own connection. While its transaction is
 * open, this process's own connection is held too, so the server's other writers wait for the
 * import here (asynchronously) instead of blocking the event loop on the file lock.
 */
export class WorkerExecutor implements Executor {
  readonly holdsWriteLock = true;
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
        importWorker(this.store).imports += 1;
      });
    } catch (err) {
      this.free();
      throw err;
    }
  }

  async insert(stretch: Stretch) {
    const reply = await this.request({ op: 'insert', stretch });
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
  /** Imports begun so far: a checkpoint round that sees one begin stands back (checkpointRound). */
  imports = 0;

  constructor() {
    this.worker = new Worker(new URL('./worker-boot.cjs', import.meta.url), {
      workerData: { entryPath: fileURLToPath(new URL('./worker.ts', import.meta.url)) },
      // The worker's garbage is short-lived batches; a young generation a third of V8's default
      // keeps ~15 MB less resident during a large import at no cost in speed (docs/benchmarks-history.md).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
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

/** How long the import worker waits between checkpoints of a running server's WAL (a quarter of it in a storm). */
export const CHECKPOINT_INTERVAL_MS = 1000;

/**
 * Past this size the WAL is made to start over (and, by journal_size_limit, shrink back to it).
 * The WAL then peaks near this plus what one interval writes: about 40 MB in a storm of 50
 * annotators saving with no pause (docs/benchmarks-history.md, "soak").
 */
export const WAL_RESTART_BYTES = WAL_SIZE_LIMIT;

/** Tests shorten both to see many rounds in a short run. */
export interface CheckpointOptions {
  intervalMs?: number;
  walRestartBytes?: number;
}

/**
 * Starts the store's import worker now (SQLite; nothing to start for PostgreSQL), and hands it
 * the WAL checkpoints; settles once the worker has run its first. Left to SQLite, the commit that takes the WAL past 1,000 pages copies them
 * into the database and fsyncs it on the server's event loop: a stall of several milliseconds
 * for whichever request made that commit, about once a second under a hundred annotators. The
 * worker runs a passive checkpoint every second instead, beside the server's writes. If the
 * worker stops, the server's connection checkpoints for itself again.
 */
export function startImportWorker(store: Store, opts: CheckpointOptions = {}): Promise<void> {
  if (store.kind !== 'sqlite') return Promise.resolve();
  const intervalMs = opts.intervalMs ?? CHECKPOINT_INTERVAL_MS;
  const restartBytes = opts.walRestartBytes ?? WAL_RESTART_BYTES;
  setAutoCheckpoint(store.sqlite, 0);
  setJournalSizeLimit(store.sqlite, restartBytes);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  store.onClose(async () => {
    closed = true;
    clearTimeout(timer);
  });
  // Rounds follow one another; while a round finds the log past half the threshold (a storm of
  // writes) the next comes four times as soon, so the log starts over near the threshold rather
  // than a whole interval's writes past it.
  const round = (): Promise<void> =>
    checkpointRound(store, restartBytes).then(
      (logBytes) => {
        if (closed) return;
        timer = setTimeout(round, logBytes >= restartBytes / 2 ? intervalMs / 4 : intervalMs);
        timer.unref();
      },
      () => {
        if (store.sqlite.open) setAutoCheckpoint(store.sqlite, 1000);
      },
    );
  // The first round starts the worker, which takes a moment to load.
  return round();
}

/**
 * One round of checkpoints. A passive checkpoint beside the server's writes never catches up
 * with them: each copies what was written before it began, while more is written. SQLite starts
 * the WAL over only when a write finds every frame copied, so under sustained writes it grew
 * without end (1.2 GB in 51 s of 50 busy annotators). Once the WAL is past WAL_RESTART_BYTES,
 * the round therefore copies the few frames written during its first pass while holding the
 * server's connection: the server's writes wait for it asynchronously (about 1 ms, up to ~10 ms
 * at saturation; the event loop keeps serving), then the next write starts the WAL over. Returns
 * the log's length the round found (-1 while an import is open).
 */
async function checkpointRound(
  store: Extract<Store, { kind: 'sqlite' }>,
  restartBytes: number,
): Promise<number> {
  const worker = importWorker(store);
  const first = await worker.send({ op: 'checkpoint', file: store.file });
  if (first.op !== 'checkpoint') throw new Error('import worker answered out of order');
  // -1: an import's transaction is open; its commit is followed by a checkpoint of its own.
  if (first.logBytes < restartBytes) return first.logBytes;
  // A second pass beside the writes copies most of what the first left, so the held pass is short.
  const imports = worker.imports;
  await worker.send({ op: 'checkpoint', file: store.file });
  const release = await holdConnection(store.db);
  try {
    // An import that began meanwhile held the connection first; its commit leaves a long WAL to
    // copy, which its own checkpoint does unheld. Try again next round.
    if (worker.imports !== imports) return first.logBytes;
    await worker.send({ op: 'checkpoint', file: store.file });
  } finally {
    release();
  }
  return first.logBytes;
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
