import { useCallback, useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  data: T | undefined;
  /** The last refresh's failure, cleared by the next success; the last data stays on screen. */
  error: unknown;
  /** When the data on screen arrived (epoch ms), null before the first answer. */
  updatedAt: number | null;
  /** Loads again now (and restarts the wait for the next round). */
  refresh(): void;
}

/** How often a screen that refreshes by itself asks again, while it is visible. */
export const POLL_MS = 15_000;

/**
 * Runs `load` now, then again `intervalMs` after each answer, while the page is visible: a hidden
 * tab asks nothing, and asks at once when shown again. A new answer replaces the old one in place
 * (no empty state in between, so nothing flickers); one round at a time, and a round still
 * running when `key` changes or the screen closes is aborted. `key` stands for every input of `load`.
 * `until`: once it holds for an answer (a job that ended), no further rounds are scheduled.
 */
export function usePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  key: string,
  intervalMs = POLL_MS,
  options: { until?: (data: T) => boolean } = {},
): Polled<T> {
  // The latest `until`, read by the rounds without restarting them.
  const until = useRef(options.until);
  until.current = options.until;
  const [state, setState] = useState<{ data: T | undefined; error: unknown; updatedAt: number | null }>({
    data: undefined,
    error: null,
    updatedAt: null,
  });
  const kick = useRef<() => void>(() => undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` names every input of `load`
  useEffect(() => {
    setState({ data: undefined, error: null, updatedAt: null });
    let timer: ReturnType<typeof setTimeout> | undefined;
    let ctrl: AbortController | undefined;
    let closed = false;
    let done = false;
    const schedule = () => {
      clearTimeout(timer);
      if (!closed && !done && !document.hidden) timer = setTimeout(round, intervalMs);
    };
    async function round() {
      clearTimeout(timer);
      ctrl?.abort();
      const mine = new AbortController();
      ctrl = mine;
      try {
        const data = await load(mine.signal);
        if (!mine.signal.aborted) {
          setState({ data, error: null, updatedAt: Date.now() });
          // What `until` says is final needs no more rounds (refresh() still asks once).
          done = until.current?.(data) === true;
        }
      } catch (error) {
        if (!mine.signal.aborted) setState((s) => ({ ...s, error }));
      }
      if (!mine.signal.aborted) schedule();
    }
    const onVisibility = () => {
      if (document.hidden) {
        clearTimeout(timer);
        ctrl?.abort();
      } else if (!done) void round();
    };
    kick.current = () => void round();
    document.addEventListener('visibilitychange', onVisibility);
    void round();
    return () => {
      closed = true;
      clearTimeout(timer);
      ctrl?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [key, intervalMs]);
  const refresh = useCallback(() => kick.current(), []);
  return { ...state, refresh };
}

/** The time now, again every `everyMs`: for text such as "updated 10 s ago". */
export function useNow(everyMs = 5000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
