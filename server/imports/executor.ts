import type { Stretch } from './spool.ts';
import type { StretchResult } from './writer.ts';

/**
 * What inserting one stretch did. `busyMs`/`idleMs`: time spent inserting, and waiting for work
 * inside the open transaction; `fromStart`: the result covers the spool from its start (the
 * import started over).
 */
export interface InsertStep {
  result: StretchResult;
  busyMs: number;
  idleMs: number;
  fromStart?: boolean;
}

/** Runs pass two's steps in the order they are asked for. */
export interface Executor {
  /** Its open transaction holds the store's write lock, so it must not wait long on pass one. */
  readonly holdsWriteLock?: boolean;
  begin(): Promise<void>;
  insert(stretch: Stretch): Promise<InsertStep>;
  /**
   * Every stretch has been handed over: finish inserts still in flight. A step that starts over
   * comes back as the result; null when nothing changed.
   */
  complete?(): Promise<InsertStep | null>;
  end(commit: boolean): Promise<void>;
}
