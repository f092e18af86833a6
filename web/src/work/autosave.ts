/**
 * Debounced draft saving: a change waits `delayMs` for the next one, then the latest value goes
 * out; `flush` sends at once (blur, tab hidden, before submit). One save is in flight at a time
 * and the newest value always wins. Network failures retry with backoff and report `offline`.
 */
export type SaveStatus = 'saved' | 'saving' | 'offline' | 'error';

export interface AutosaveDeps<T> {
  delayMs: number;
  save: (value: T) => Promise<void>;
  /** Whether a failure is the connection (retry later) rather than a refusal (report it). */
  isOffline: (error: unknown) => boolean;
  onStatus: (status: SaveStatus, error?: unknown) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export function createAutosaver<T>(deps: AutosaveDeps<T>) {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let pending: { value: T } | undefined;
  let inFlight: Promise<void> | undefined;
  let timer: unknown;
  let retries = 0;
  let disposed = false;

  const schedule = (ms: number) => {
    if (timer !== undefined) clearTimer(timer);
    timer = setTimer(() => {
      timer = undefined;
      void run();
    }, ms);
  };

  async function run(): Promise<void> {
    while (inFlight) await inFlight;
    if (!pending || disposed) return;
    const { value } = pending;
    pending = undefined;
    const attempt = deps.save(value);
    inFlight = attempt.then(
      () => undefined,
      () => undefined,
    );
    try {
      await attempt;
      retries = 0;
      deps.onStatus(pending ? 'saving' : 'saved');
    } catch (error) {
      pending ??= { value };
      if (deps.isOffline(error)) {
        deps.onStatus('offline', error);
        schedule(Math.min(60_000, 2000 * 2 ** retries++));
      } else deps.onStatus('error', error);
    } finally {
      inFlight = undefined;
    }
  }

  return {
    change(value: T): void {
      pending = { value };
      deps.onStatus('saving');
      schedule(deps.delayMs);
    },
    /** Saves the latest change now; resolves when it (or its failure) is known. */
    async flush(): Promise<void> {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      await run();
    },
    hasUnsaved: () => pending !== undefined,
    dispose(): void {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
    },
    /** Stops saving and waits for a save already on the wire, so nothing lands after a submit. */
    async settle(): Promise<void> {
      disposed = true;
      if (timer !== undefined) clearTimer(timer);
      while (inFlight) await inFlight;
    },
  };
}
export type Autosaver<T> = ReturnType<typeof createAutosaver<T>>;
