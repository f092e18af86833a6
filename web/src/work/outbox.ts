import type { Signals } from './signals-store.ts';
import { isRecord, keysWith, readJson, type StorageLike, writeJson } from './storage.ts';

/**
 * Submits waiting to reach the server, kept in localStorage until it answers. Each entry keeps the
 * idempotencyKey chosen once for its submit attempt: every retry reuses it, so the server (which
 * dedupes by key) records it exactly once however often it is sent.
 */
export interface PendingSubmit {
  v: 1;
  idempotencyKey: string;
  assignmentId: number;
  answers: Record<string, unknown>;
  activeMs: number;
  /** Integrity signals gathered since the last draft save; sent with the submit (its key dedupes them too). */
  signals?: Signals;
  queuedAt: number;
  attempts: number;
}

const isPending = (v: unknown): v is PendingSubmit =>
  isRecord(v) &&
  v.v === 1 &&
  typeof v.idempotencyKey === 'string' &&
  typeof v.assignmentId === 'number' &&
  isRecord(v.answers) &&
  typeof v.attempts === 'number';

export function createOutbox(storage: StorageLike, scope: string) {
  const prefix = `verity.outbox.${scope}.`;
  return {
    /** Stores the entry; false if the browser refused (the caller then keeps it in memory only). */
    put: (entry: PendingSubmit): boolean => writeJson(storage, prefix + entry.idempotencyKey, entry),
    list: (): PendingSubmit[] =>
      keysWith(storage, prefix)
        .map((k) => readJson(storage, k, isPending))
        .filter((e): e is PendingSubmit => e !== undefined)
        .sort((a, b) => a.queuedAt - b.queuedAt),
    remove: (idempotencyKey: string) => storage.removeItem(prefix + idempotencyKey),
  };
}
export type Outbox = ReturnType<typeof createOutbox>;

/** Whether a failure is worth retrying (the network, the server's own trouble) or final. */
export type Failure = 'retry' | 'final';

/** Wait before retry `attempt` (0-based): 1 s doubling to 30 s, with jitter so tabs spread out. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 15));
  return Math.round(base * (0.5 + random() / 2));
}

export type Delivery<R> = { ok: true; result: R } | { ok: false; error: unknown };

export interface DeliverDeps<R> {
  outbox: Outbox;
  send: (entry: PendingSubmit) => Promise<R>;
  classify: (error: unknown) => Failure;
  /** Resolves after `ms`, or earlier (when the browser comes back online). */
  sleep: (ms: number) => Promise<void>;
  /** Called after each failed attempt that will be retried. */
  onRetry?: (entry: PendingSubmit, error: unknown) => void;
  random?: () => number;
}

/**
 * Sends one queued submit until the server answers: success or a final error removes it from
 * the outbox; a network or server failure waits (backing off) and tries again with the same key.
 */
export async function deliver<R>(entry: PendingSubmit, deps: DeliverDeps<R>): Promise<Delivery<R>> {
  let current = entry;
  for (;;) {
    try {
      const result = await deps.send(current);
      deps.outbox.remove(current.idempotencyKey);
      return { ok: true, result };
    } catch (error) {
      if (deps.classify(error) === 'final') {
        deps.outbox.remove(current.idempotencyKey);
        return { ok: false, error };
      }
      current = { ...current, attempts: current.attempts + 1 };
      deps.outbox.put(current);
      deps.onRetry?.(current, error);
      await deps.sleep(backoffMs(current.attempts - 1, deps.random));
    }
  }
}
