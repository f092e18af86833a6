import { useCallback, useMemo, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { navigate } from '../app/router.tsx';
import { classifyFailure, sleepUntilOnline, type Work } from './api.ts';
import { createDraftStore } from './draft-store.ts';
import { createOutbox, deliver, type PendingSubmit } from './outbox.ts';
import { createSignalsStore, type Signals } from './signals-store.ts';
import { browserStorage, memoryStorage } from './storage.ts';

export type QueueState =
  | { kind: 'loading' }
  | { kind: 'work'; work: Work }
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown };

/**
 * The annotator's way through a project: the outbox drained first (a submit queued before a reload
 * must land before asking for the next item, or the server would hand back the same lock), then
 * one item at a time. Submit goes through the outbox and `nextAssignment` is fired the moment the
 * submit is acknowledged, in the same task, so the next item shows one round trip later.
 */
/**
 * `editing`: an earlier item is open (not the queue); a resubmitted edit returns to where it was
 * opened from, My work or the queue (Previous).
 */
export function useQueue(projectId: number, userId: number, editing: false | 'my-work' | 'queue') {
  const stores = useMemo(() => {
    const storage = browserStorage() ?? memoryStorage();
    return {
      drafts: createDraftStore(storage, String(userId)),
      outbox: createOutbox(storage, String(userId)),
      signals: createSignalsStore(storage, String(userId)),
    };
  }, [userId]);
  const [state, setState] = useState<QueueState>({ kind: 'loading' });
  const [sending, setSending] = useState<'no' | 'sending' | 'queued'>('no');
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  /** When the current submit began, to measure submit → next item visible (Annotate reads it). */
  const submitStartedAt = useRef<number | undefined>(undefined);

  const send = useCallback(
    (entry: PendingSubmit) =>
      deliver(entry, {
        outbox: stores.outbox,
        classify: classifyFailure,
        sleep: sleepUntilOnline,
        onRetry: () => setSending('queued'),
        send: (e) =>
          call('submit', {
            params: { assignmentId: e.assignmentId },
            body: {
              answers: e.answers,
              activeMs: e.activeMs,
              idempotencyKey: e.idempotencyKey,
              ...(e.signals ? { signals: e.signals } : {}),
            },
          }),
      }).then((r) => {
        // Refused: the server recorded nothing, so the signals wait for the next save. A lost lock
        // is the exception: the server kept the answers and their signals as a draft.
        if (!r.ok && (r.error as { code?: string })?.code !== 'LOCK_EXPIRED')
          stores.signals.giveBack(entry.assignmentId, entry.signals);
        return r;
      }),
    [stores],
  );

  const next = useCallback(async () => {
    try {
      const work = await call('nextAssignment', { params: { projectId } });
      setState(work ? { kind: 'work', work } : { kind: 'done' });
    } catch (e) {
      setState({ kind: 'failed', error: e });
    }
  }, [projectId]);

  /** Sends submits left in this browser by an earlier visit, then opens the next item. */
  const start = useCallback(async () => {
    for (const entry of stores.outbox.list()) {
      setSending('sending');
      const r = await send(entry);
      if (r.ok) stores.drafts.remove(entry.assignmentId);
      else setError(r.error);
    }
    setSending('no');
    await next();
  }, [stores, send, next]);

  const submit = useCallback(
    async (work: Work, answers: Record<string, unknown>, activeMs: number, signals?: Signals) => {
      submitStartedAt.current = performance.now();
      const entry: PendingSubmit = {
        v: 1,
        idempotencyKey: crypto.randomUUID(),
        assignmentId: work.assignment.id,
        answers,
        activeMs,
        ...(signals ? { signals } : {}),
        queuedAt: Date.now(),
        attempts: 0,
      };
      stores.outbox.put(entry);
      setSending('sending');
      setError(undefined);
      const r = await send(entry);
      if (!r.ok) {
        submitStartedAt.current = undefined;
        setSending('no');
        setError(r.error);
        setAttempt((a) => a + 1); // remount the view: its autosave restarts from the local draft
        return;
      }
      stores.drafts.remove(work.assignment.id);
      if (editing) {
        setSending('no');
        navigate(
          editing === 'queue'
            ? `/projects/${projectId}/annotate`
            : `/projects/${projectId}/my-work?resubmitted=${work.assignment.id}`,
        );
        return;
      }
      await next();
      setSending('no');
    },
    [stores, send, next, editing, projectId],
  );

  const skip = useCallback(
    async (work: Work, reason: string) => {
      setSending('sending');
      setError(undefined);
      try {
        await call('skip', { params: { assignmentId: work.assignment.id }, body: reason ? { reason } : {} });
        stores.drafts.remove(work.assignment.id);
        await next();
      } catch (e) {
        setError(e);
        setAttempt((a) => a + 1);
      } finally {
        setSending('no');
      }
    },
    [stores, next],
  );

  return {
    stores,
    state,
    setState,
    sending,
    error,
    setError,
    attempt,
    submitStartedAt,
    start,
    next,
    submit,
    skip,
  };
}
