/**
 * The sign-in throttle's arithmetic, pure (docs/security.md). A key (an account at an address, or
 * an address) holds a count of recent failures that leaks away at a steady rate. Up to
 * `freeFailures` cost nothing; each failure past them makes the next attempt on that key wait,
 * twice as long each time, up to `maxDelayMs`. Nothing here locks an account: keys include the
 * address.
 */
export interface ThrottlePolicy {
  /** Failures that cost no wait. */
  freeFailures: number;
  /** One failure is forgotten every this many milliseconds. */
  forgetOneMs: number;
  /** The wait after the first failure past the free ones; it doubles with each further one. */
  firstDelayMs: number;
  maxDelayMs: number;
}

const MINUTE = 60_000;

/** One account from one address: a person mistyping, or a guesser on one account. */
export const ACCOUNT_AT_ADDRESS: ThrottlePolicy = {
  freeFailures: 5,
  forgetOneMs: 60 * MINUTE,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
};

/** Every account from one address, against password spraying; loose, since offices share one. */
export const ADDRESS: ThrottlePolicy = {
  freeFailures: 100,
  forgetOneMs: MINUTE,
  firstDelayMs: 1000,
  maxDelayMs: 15 * MINUTE,
};

export interface ThrottleState {
  /** Failures counted at `updatedAt` (fractional: they leak continuously). */
  failures: number;
  updatedAt: number;
  /** No attempt on this key before this time. */
  nextAttemptAt: number;
}

/** The failures still remembered at `now`. */
export const failuresAt = (state: ThrottleState, policy: ThrottlePolicy, now: number): number =>
  Math.max(0, state.failures - Math.max(0, now - state.updatedAt) / policy.forgetOneMs);

/** How long an attempt at `now` must still wait (0: it may go ahead). */
export const waitMs = (state: ThrottleState | undefined, now: number): number =>
  state ? Math.max(0, state.nextAttemptAt - now) : 0;

/** The wait after the failure that brings the count to `failures`. */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  // The epsilon keeps a count a hair above a whole number (leaked by a millisecond) on that number.
  const over = Math.ceil(failures - policy.freeFailures - 1e-9);
  return over <= 0 ? 0 : Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (over - 1));
}

/** The state after one more failure at `now`. */
export function withFailure(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: number,
): ThrottleState {
  const failures = (state ? failuresAt(state, policy, now) : 0) + 1;
  return { failures, updatedAt: now, nextAttemptAt: now + delayAfter(failures, policy) };
}

/** When a state is as good as none (no wait left, every failure forgotten), so its row can go. */
export const forgottenAt = (state: ThrottleState, policy: ThrottlePolicy): number =>
  Math.max(state.nextAttemptAt, state.updatedAt + Math.ceil(state.failures * policy.forgetOneMs));
