import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { call } from '../api/client.ts';
import { type ActiveTimer, createActiveTimer } from './active-time.ts';
import { isOffline, type Work } from './api.ts';
import { type Autosaver, createAutosaver, type SaveStatus } from './autosave.ts';
import type { DraftStore } from './draft-store.ts';
import type { SignalsStore } from './signals-store.ts';

/**
 * Autosave for one assignment: every change is written through to the draft store at once and
 * sent as a draft 800 ms after the last one, and immediately when the tab is hidden, the window
 * loses focus or the connection returns. Reports the save status for the status line.
 */
export function useDraft(work: Work, store: DraftStore, signals?: SignalsStore) {
  const id = work.assignment.id;
  const [status, setStatus] = useState<SaveStatus>('saved');
  const [error, setError] = useState<unknown>();
  const timer = useMemo<ActiveTimer>(() => createActiveTimer(() => performance.now()), []);
  const baseRef = useRef<string | null>(work.annotation?.updatedAt ?? null);

  const saverRef = useRef<Autosaver<Record<string, unknown>>>(undefined);

  useEffect(() => {
    const saver = createAutosaver<Record<string, unknown>>({
      delayMs: 800,
      isOffline,
      onStatus: (s, e) => {
        setStatus(s);
        setError(s === 'error' ? e : undefined);
      },
      save: async (answers) => {
        const activeMs = timer.take();
        const measured = signals?.take(id);
        try {
          const r = await call('saveDraft', {
            params: { assignmentId: id },
            body: { answers, activeMs, ...(measured ? { signals: measured } : {}) },
          });
          if (r) {
            baseRef.current = r.annotation.updatedAt;
            store.markSynced(id, answers, r.annotation.updatedAt);
          }
        } catch (e) {
          timer.giveBack(activeMs);
          signals?.giveBack(id, measured);
          throw e;
        }
      },
    });
    saverRef.current = saver;
    const interact = () => timer.interact();
    const onVisibility = () => {
      timer.setVisible(document.visibilityState === 'visible');
      if (document.visibilityState === 'hidden') void saver.flush();
    };
    const flush = () => void saver.flush();
    const listeners: [EventTarget, string, () => void][] = [
      [window, 'keydown', interact],
      [window, 'pointerdown', interact],
      [window, 'wheel', interact],
      [document, 'visibilitychange', onVisibility],
      [window, 'blur', flush],
      [window, 'online', flush],
      [window, 'pagehide', flush],
    ];
    for (const [target, type, fn] of listeners)
      target.addEventListener(type, fn, { capture: true, passive: true });
    timer.interact();
    return () => {
      for (const [target, type, fn] of listeners) target.removeEventListener(type, fn, { capture: true });
      void saver.flush().finally(() => saver.dispose());
    };
  }, [id, store, timer, signals]);

  const change = useCallback(
    (answers: Record<string, unknown>) => {
      const stored = store.write(id, answers, baseRef.current, Date.now());
      saverRef.current?.change(answers);
      if (!stored) setError(storageRefused());
    },
    [id, store],
  );
  const flush = useCallback(() => saverRef.current?.flush() ?? Promise.resolve(), []);
  const settle = useCallback(() => saverRef.current?.settle() ?? Promise.resolve(), []);

  /** `change` writes through locally now and sends soon; `settle` stops saving (submit, skip). */
  return { status, error, timer, change, flush, settle };
}

function storageRefused(): Error {
  const e = new Error(
    'This browser refused to keep a copy of your answers (its storage is full); they are still sent to the server.',
  );
  e.name = 'StorageRefused';
  return e;
}
