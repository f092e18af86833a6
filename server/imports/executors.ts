import type pg from 'pg';
import { openPostgresTransaction } from '../db/postgres-transaction.ts';
import type { Store } from '../db/store.ts';
import { type OpenTransaction, openSqliteTransaction } from '../db/transaction.ts';
import type { Executor, InsertStep } from './executor.ts';
import type { Stretch } from './spool.ts';
import { FastPathConflict, type ImportTarget, SpoolInserter, type StretchResult } from './writer.ts';

/**
 * Pass two on this event loop: the steps chained one after another, whatever each returns, on a
 * transaction the subclass opens.
 */
abstract class InProcessExecutor implements Executor {
  private chain: Promise<unknown> = Promise.resolve();
  protected txn: OpenTransaction | undefined;
  protected inserter: SpoolInserter | undefined;
  /** The spool up to this byte has been handed to insert(). */
  protected handedOver = 0;

  constructor(
    protected readonly project: ImportTarget,
    protected readonly spoolPath: string,
  ) {}

  /** Opens `txn` and `inserter`. */
  protected abstract open(): Promise<void>;

  /** Ends the transaction, through the inserter's last writes if there is one, and forgets both. */
  protected async close(commit: boolean): Promise<void> {
    const txn = this.txn;
    const inserter = this.inserter;
    this.txn = undefined;
    this.inserter = undefined;
    if (!txn) return;
    await (inserter ? inserter.end(commit, (keep) => txn.end(keep)) : txn.end(commit));
  }

  begin(): Promise<void> {
    return this.run(() => this.open());
  }

  insert(stretch: Stretch): Promise<InsertStep> {
    this.handedOver = Math.max(this.handedOver, stretch.to);
    return this.run(() => this.timed(() => this.insertStretch(stretch)));
  }

  protected async timed(
    fn: () => Promise<{ result: StretchResult; fromStart?: boolean }>,
  ): Promise<InsertStep> {
    const started = performance.now();
    const step = await fn();
    return { ...step, busyMs: performance.now() - started, idleMs: 0 };
  }

  protected run<T>(fn: () => Promise<T>): Promise<T> {
    const step = this.chain.then(fn);
    this.chain = step.catch(() => {});
    return step;
  }

  end(commit: boolean): Promise<void> {
    return this.run(() => this.close(commit));
  }

  protected async insertStretch(stretch: Stretch): Promise<{ result: StretchResult; fromStart?: boolean }> {
    if (!this.inserter) throw new Error('no import transaction is open');
    return { result: await this.inserter.insertStretch(stretch) };
  }
}

/**
 * PostgreSQL: the transaction on a client of the pool. Starts in fast mode (COPY); if a taken
 * external id fails it, rolls back and inserts everything published so far again in exact mode,
 * which finds and names every taken id.
 */
export class PostgresExecutor extends InProcessExecutor {
  private mode: 'fast' | 'exact' = 'fast';

  constructor(
    private readonly pool: pg.Pool,
    project: ImportTarget,
    spoolPath: string,
  ) {
    super(project, spoolPath);
  }

  protected async open(): Promise<void> {
    const txn = await openPostgresTransaction(this.pool);
    this.txn = txn;
    const target = { kind: 'postgres' as const, client: txn.client };
    this.inserter = new SpoolInserter(target, txn.tx, this.project, this.spoolPath, this.mode);
    await this.inserter.start();
  }

  protected override async insertStretch(stretch: Stretch) {
    try {
      return await super.insertStretch(stretch);
    } catch (err) {
      if (!(err instanceof FastPathConflict)) throw err;
    }
    return this.startOver(stretch.to);
  }

  /**
   * Rows written into the COPY may still be on their way when the last stretch has been handed
   * over; this waits for them, and starts over in exact mode if one met a taken external id.
   */
  complete(): Promise<InsertStep | null> {
    return this.run(async () => {
      try {
        await this.inserter?.complete();
        return null;
      } catch (err) {
        if (!(err instanceof FastPathConflict)) throw err;
      }
      return this.timed(() => this.startOver(this.handedOver));
    });
  }

  /** Fast mode met a taken external id: roll back and insert the spool up to `to` in exact mode. */
  private async startOver(to: number) {
    await this.close(false);
    this.mode = 'exact';
    await this.open();
    return { ...(await super.insertStretch({ from: 0, to })), fromStart: true };
  }
}

/** SQLite, an import of one stretch: a write transaction on the server's own connection. */
export class SqliteExecutor extends InProcessExecutor {
  constructor(
    private readonly store: Extract<Store, { kind: 'sqlite' }>,
    project: ImportTarget,
    spoolPath: string,
  ) {
    super(project, spoolPath);
  }

  protected async open(): Promise<void> {
    this.txn = await openSqliteTransaction(this.store.db);
    const target = { kind: 'sqlite' as const, sqlite: this.store.sqlite };
    this.inserter = new SpoolInserter(target, this.txn.tx, this.project, this.spoolPath);
    await this.inserter.start();
  }
}
