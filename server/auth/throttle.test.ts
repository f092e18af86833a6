import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_AT_ADDRESS,
  ADDRESS,
  delayAfter,
  failuresAt,
  forgottenAt,
  type ThrottleState,
  waitMs,
  withFailure,
} from './throttle.ts';

const MINUTE = 60_000;

/** Fails `n` times, each as soon as the key allows; returns the waits that followed each failure. */
function failInARow(n: number, policy = ACCOUNT_AT_ADDRESS, start = 0) {
  let state: ThrottleState | undefined;
  let now = start;
  const waits: number[] = [];
  for (let i = 0; i < n; i++) {
    now += waitMs(state, now);
    state = withFailure(state, policy, now);
    waits.push(waitMs(state, now));
  }
  return { state: state!, now, waits };
}

describe('sign-in throttle arithmetic', () => {
  it('lets five failures of an account at an address go without a wait', () => {
    expect(failInARow(5).waits).toEqual([0, 0, 0, 0, 0]);
  });

  it('doubles the wait with each failure past the free ones, up to 15 minutes', () => {
    const { waits } = failInARow(18);
    expect(waits.slice(5).map((ms) => ms / 1000)).toEqual([
      1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900,
    ]);
  });

  it('gives an address 100 free failures before its first wait', () => {
    const { waits } = failInARow(102, ADDRESS);
    expect(waits.slice(0, 100).every((w) => w === 0)).toBe(true);
    expect(waits.slice(100)).toEqual([1000, 2000]);
  });

  it('forgets one failure of an account at an address per hour', () => {
    const { state, now } = failInARow(8);
    // Less the bit forgotten during the 1 s and 2 s waits.
    expect(failuresAt(state, ACCOUNT_AT_ADDRESS, now)).toBeCloseTo(8, 2);
    expect(failuresAt(state, ACCOUNT_AT_ADDRESS, now + 3 * 60 * MINUTE)).toBeCloseTo(5);
    expect(failuresAt(state, ACCOUNT_AT_ADDRESS, now + 24 * 60 * MINUTE)).toBe(0);
    // Three hours on, the next failure is the sixth again: a one-second wait.
    const later = withFailure(state, ACCOUNT_AT_ADDRESS, now + 3 * 60 * MINUTE);
    expect(waitMs(later, now + 3 * 60 * MINUTE)).toBe(1000);
  });

  it('holds a guesser at the cap to about four failures an hour on one account from one address', () => {
    let state: ThrottleState | undefined;
    let now = 0;
    let failures = 0;
    while (now < 24 * 60 * MINUTE) {
      now += waitMs(state, now);
      state = withFailure(state, ACCOUNT_AT_ADDRESS, now);
      failures++;
    }
    // 15 minutes apart at the cap, after the free ones and the climb to it.
    expect(failures).toBeLessThan(24 * 4 + 20);
    expect(failures).toBeGreaterThan(24 * 4);
  });

  it('never waits without failures past the free ones, and never longer than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 * 60 * MINUTE }), { maxLength: 60 }), (gaps) => {
        let state: ThrottleState | undefined;
        let now = 0;
        for (const gap of gaps) {
          now += waitMs(state, now) + gap;
          const before = state ? failuresAt(state, ACCOUNT_AT_ADDRESS, now) : 0;
          state = withFailure(state, ACCOUNT_AT_ADDRESS, now);
          const wait = waitMs(state, now);
          expect(wait).toBeLessThanOrEqual(ACCOUNT_AT_ADDRESS.maxDelayMs);
          if (before + 1 <= ACCOUNT_AT_ADDRESS.freeFailures) expect(wait).toBe(0);
          expect(forgottenAt(state, ACCOUNT_AT_ADDRESS)).toBeGreaterThanOrEqual(state.nextAttemptAt);
          expect(failuresAt(state, ACCOUNT_AT_ADDRESS, forgottenAt(state, ACCOUNT_AT_ADDRESS))).toBeLessThan(
            1e-9,
          );
        }
      }),
    );
  });

  it('computes no delay at or under the free failures', () => {
    expect(delayAfter(5, ACCOUNT_AT_ADDRESS)).toBe(0);
    expect(delayAfter(5.2, ACCOUNT_AT_ADDRESS)).toBe(1000);
    expect(delayAfter(100, ADDRESS)).toBe(0);
    expect(delayAfter(101, ADDRESS)).toBe(1000);
  });
});
