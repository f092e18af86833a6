/** When a step whose attempt failed is tried again (docs/jobs.md, "Retries"). */

export interface RetryPolicy {
  /** Attempts in all, the first included; the last one's failure fails the step. */
  maxAttempts: number;
  /** The back-off after the first failed attempt, at most; it doubles each attempt. */
  backoffBaseMs: number;
  /** The back-off's ceiling. */
  backoffCapMs: number;
  /** The ceiling on a server's Retry-After. */
  retryAfterCapMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  backoffBaseMs: 1000,
  backoffCapMs: 60_000,
  retryAfterCapMs: 10 * 60_000,
};

/**
 * The wait before the next attempt after `attempts` failed ones: the server's Retry-After when it
 * gave one (capped), else exponential back-off with full jitter, a uniform draw from
 * [0, min(cap, base · 2^(attempts−1))], so that steps failing together do not retry together.
 */
export function retryDelay(
  policy: RetryPolicy,
  attempts: number,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number {
  if (retryAfterMs !== undefined && Number.isFinite(retryAfterMs) && retryAfterMs >= 0)
    return Math.min(Math.ceil(retryAfterMs), policy.retryAfterCapMs);
  const ceiling = Math.min(policy.backoffCapMs, policy.backoffBaseMs * 2 ** Math.max(0, attempts - 1));
  return Math.floor(random() * ceiling);
}
