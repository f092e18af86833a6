import type { AppContext } from '../context.ts';
import { type Tx, writeTransaction } from '../db/transaction.ts';
import { addressGroup } from './client-address.ts';
import { keyedHash } from './crypto.ts';
import {
  deleteThrottle,
  findThrottles,
  pruneThrottles,
  saveThrottle,
} from './sign-in-throttle.repository.ts';
import {
  ACCOUNT_AT_ADDRESS,
  ADDRESS,
  forgottenAt,
  type ThrottlePolicy,
  type ThrottleState,
  waitMs,
  withFailure,
} from './throttle.ts';

/**
 * Sign-in throttling in the store (docs/security.md): one limit for every server process on it,
 * kept across restarts. Failures count, successes do not; the keys are an account at an address
 * and the address alone, so a guesser slows themselves down, never the account's owner elsewhere.
 * An unknown email is keyed and counted exactly like a known one.
 */
export interface SignInKeys {
  /** The account (the email as typed, normalised) at the client's address. */
  account: string;
  /** The client's address (an IPv6 client's /64). */
  address: string;
  /** Serialises attempts from one address on PostgreSQL (SQLite serialises every writer). */
  lock: readonly [number, number];
}

/** Advisory lock space of the throttle; project ids, which share the (int, int) space, are positive. */
const LOCK_SPACE = -1;

export function signInKeys(secret: string, email: string, clientAddress: string): SignInKeys {
  const group = addressGroup(clientAddress);
  const address = keyedHash(secret, `address\n${group}`);
  return {
    account: `a:${keyedHash(secret, `account\n${email}\n${group}`)}`,
    address: `n:${address}`,
    lock: [LOCK_SPACE, Buffer.from(address, 'base64url').readInt32BE(0)],
  };
}

const options = (keys: SignInKeys) => ({ durable: false, serializeOn: keys.lock });

/**
 * Whether an attempt may go ahead: the seconds to wait, or 0. An attempt that may is counted as a
 * failure of its (account, address) key before its password is checked, and forgiven by
 * `signInSucceeded`, so many guesses sent at once cannot all pass the check before the first is
 * counted. Throttle state may be lost to a power cut, never to a process crash, hence not durable.
 */
export async function admitSignIn(ctx: AppContext, keys: SignInKeys, now = Date.now()): Promise<number> {
  return writeTransaction(
    ctx.store,
    async (tx) => {
      const states = await findThrottles(tx, [keys.account, keys.address]);
      const wait = Math.max(waitMs(states.get(keys.account), now), waitMs(states.get(keys.address), now));
      if (wait > 0) return Math.ceil(wait / 1000);
      await countFailure(tx, keys.account, states, ACCOUNT_AT_ADDRESS, now);
      return 0;
    },
    options(keys),
  );
}

/** A wrong password (or an unknown email): the address's count goes up too. */
export async function signInFailed(ctx: AppContext, keys: SignInKeys, now = Date.now()): Promise<void> {
  await writeTransaction(
    ctx.store,
    async (tx) => {
      const states = await findThrottles(tx, [keys.address]);
      await countFailure(tx, keys.address, states, ADDRESS, now);
    },
    options(keys),
  );
  await pruneNowAndThen(ctx, now);
}

/** The right password: that account's slate at that address is wiped (the address's is not). */
export async function signInSucceeded(ctx: AppContext, keys: SignInKeys): Promise<void> {
  await deleteThrottle(ctx.store.db, keys.account);
}

async function countFailure(
  tx: Tx,
  key: string,
  states: Map<string, ThrottleState>,
  policy: ThrottlePolicy,
  now: number,
): Promise<void> {
  const next = withFailure(states.get(key), policy, now);
  await saveThrottle(tx, key, next, forgottenAt(next, policy));
}

/** Rows that hold nothing are deleted at most once per PRUNE_EVERY_MS per process. */
export const PRUNE_EVERY_MS = 10 * 60_000;
const lastPrune = new WeakMap<AppContext['store'], number>();

async function pruneNowAndThen(ctx: AppContext, now: number): Promise<void> {
  if (now - (lastPrune.get(ctx.store) ?? 0) < PRUNE_EVERY_MS) return;
  lastPrune.set(ctx.store, now);
  await pruneThrottles(ctx.store.db, now);
}
