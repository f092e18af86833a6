/**
 * The per-account limits of live replies (docs/live.md, "Limits"): at most `perMinute` replies
 * begun in any 60 seconds and `concurrent` at once. Kept in the process's memory: a reply is
 * held by one process for its whole stream, and a limit that restarts with the server errs on
 * the tutor's side. Pure apart from the clock the caller passes in.
 */
export const LIVE_RATE = { perMinute: 20, concurrent: 2 } as const;

const WINDOW_MS = 60_000;

export type Admission =
  | { ok: true; release: () => void }
  | { ok: false; retryAfterSeconds: number; why: string };

export class LiveLimiter {
  private readonly starts = new Map<number, number[]>();
  private readonly running = new Map<number, number>();

  constructor(private readonly limits: { perMinute: number; concurrent: number } = LIVE_RATE) {}

  /** Admits one reply for `userId` at `now`, or says how long to wait. */
  admit(userId: number, now: number): Admission {
    const recent = (this.starts.get(userId) ?? []).filter((t) => t > now - WINDOW_MS);
    const running = this.running.get(userId) ?? 0;
    if (running >= this.limits.concurrent)
      return {
        ok: false,
        retryAfterSeconds: 1,
        why: `You have ${running} replies of the model coming already; wait for them or stop one.`,
      };
    if (recent.length >= this.limits.perMinute)
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + WINDOW_MS - now) / 1000)),
        why: `You asked the model for ${recent.length} replies in the last minute, the most allowed.`,
      };
    recent.push(now);
    this.starts.set(userId, recent);
    this.running.set(userId, running + 1);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        const left = (this.running.get(userId) ?? 1) - 1;
        if (left > 0) this.running.set(userId, left);
        else this.running.delete(userId);
      },
    };
  }

  /** Forgets the accounts with no reply in the window (called now and then, bounded memory). */
  prune(now: number): void {
    for (const [userId, times] of this.starts)
      if (!times.some((t) => t > now - WINDOW_MS) && !this.running.has(userId)) this.starts.delete(userId);
  }
}
