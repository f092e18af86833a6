import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { openSqliteFile, passiveCheckpoint, type SqliteConnection, setAutoCheckpoint } from '../db/sqlite.ts';
import { type OpenTransaction, openSqliteTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import type { Stretch } from './spool.ts';
import { type ImportTarget, SpoolInserter, type StretchResult } from './writer.ts';

/** What the server sends the import worker; each gets one reply, in order. */
export type WorkerRequest =
  | { op: 'begin'; file: string; spoolPath: string; project: ImportTarget }
  | { op: 'insert'; stretch: Stretch }
  | { op: 'end'; commit: boolean; file: string }
  | { op: 'checkpoint'; file: string };

export type WorkerReply =
  | { ok: true; op: 'begin' | 'end' }
  /** `logBytes`: the WAL's length when the checkpoint began (-1: it could not run). */
  | { ok: true; op: 'checkpoint'; logBytes: number }
  | { ok: true; op: 'insert'; result: StretchResult; busyMs: number; idleMs: number }
  | { ok: false; error: { message: string; code?: string | undefined; details?: unknown } };

/**
 * The SQLite import worker: pass two of an import on a connection of its own, so inserting a large
 * file runs beside pass one's decoding on the other core instead of after it. It keeps one
 * connection per database file and serves one import at a time. Between imports it also runs the
 * store's checkpoints, off the server's event loop (see startImportWorker).
 */
const connections = new Map<string, SqliteConnection>();
let open: { txn: OpenTransaction; inserter: SpoolInserter; wal: WalFlusher } | undefined;
let idleSince = 0;
let idleMs = 0;
let checkpointDue: string | undefined;

async function handle(req: WorkerRequest): Promise<WorkerReply> {
  switch (req.op) {
    case 'begin': {
      if (open) throw new Error('an import is already open in this worker');
      const conn = connectionTo(req.file);
      const txn = await openSqliteTransaction(conn.db);
      const inserter = new SpoolInserter(
        { kind: 'sqlite', sqlite: conn.sqlite },
        txn.tx,
        req.project,
        req.spoolPath,
      );
      try {
        await inserter.start();
      } catch (err) {
        await txn.end(false);
        throw err;
      }
      open = { txn, inserter, wal: new WalFlusher(`${req.file}-wal`) };
      idleMs = 0;
      idleSince = performance.now();
      return { ok: true, op: 'begin' };
    }
    case 'insert': {
      if (!open) throw new Error('no import is open in this worker');
      const started = performance.now();
      if (idleSince > 0) idleMs += started - idleSince;
      idleSince = 0;
      const result = await open.inserter.insertStretch(req.stretch);
      open.wal.start();
      return { ok: true, op: 'insert', result, busyMs: performance.now() - started, idleMs };
    }
    case 'end': {
      const current = open;
      open = undefined;
      idleSince = 0;
      if (current) {
        await current.wal.stop();
        await current.inserter.end(req.commit, (keep) => current.txn.end(keep));
      }
      if (current && req.commit) checkpointDue = req.file;
      return { ok: true, op: 'end' };
    }
    case 'checkpoint': {
      // During an import the commit's own checkpoint follows; its connection is inside a transaction.
      const logBytes = open ? -1 : checkpoint(connectionTo(req.file));
      return { ok: true, op: 'checkpoint', logBytes };
    }
  }
}

function connectionTo(file: string): SqliteConnection {
  let conn = connections.get(file);
  if (!conn) {
    conn = openSqliteFile(file);
    // The commit of a large import would otherwise copy the whole WAL into the database before
    // answering; the worker checkpoints after it has answered instead.
    setAutoCheckpoint(conn.sqlite, 0);
    connections.set(file, conn);
  }
  return conn;
}

/** A passive checkpoint of the connection's WAL (see passiveCheckpoint); -1 without a connection. */
const checkpoint = (conn: SqliteConnection | undefined): number =>
  conn ? passiveCheckpoint(conn.sqlite) : -1;

/**
 * Writes the WAL's dirty pages to disk in the background while the import goes on (fdatasync in
 * the thread pool, one at a time), so the commit's own fsync (synchronous = FULL) finds little
 * left to write instead of the whole import. An extra fsync never changes what is committed.
 */
class WalFlusher {
  private fd: number | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly path: string) {}

  start(): void {
    if (this.running) return;
    this.running = new Promise<void>((resolve) => {
      try {
        this.fd ??= fs.openSync(this.path, 'r');
      } catch {
        resolve();
        return;
      }
      fs.fdatasync(this.fd, () => resolve());
    }).finally(() => {
      this.running = undefined;
    });
  }

  async stop(): Promise<void> {
    await this.running;
    if (this.fd !== undefined) fs.closeSync(this.fd);
    this.fd = undefined;
  }
}

let queue: Promise<void> = Promise.resolve();
let pending = 0;
parentPort!.on('message', (req: WorkerRequest) => {
  pending += 1;
  queue = queue.then(async () => {
    let reply: WorkerReply;
    try {
      reply = await handle(req);
    } catch (err) {
      const e = err as Error & { code?: string };
      reply = {
        ok: false,
        error: {
          message: e.message,
          code: e instanceof AppError ? e.code : e.code,
          details: e instanceof AppError ? e.details : undefined,
        },
      };
      // A failed step leaves nothing half-written: the transaction is rolled back at once.
      if (open && req.op !== 'end') {
        const current = open;
        open = undefined;
        await current.wal.stop().catch(() => {});
        await current.txn.end(false).catch(() => {});
      }
    }
    pending -= 1;
    if (pending === 0 && open) idleSince = performance.now();
    parentPort!.postMessage(reply);
    if (checkpointDue) {
      // Off the server's event loop: the server's own connection then finds the WAL copied back.
      const conn = connections.get(checkpointDue);
      checkpointDue = undefined;
      checkpoint(conn);
    }
  });
});
