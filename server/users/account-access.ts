import { AppError } from '../http/errors.ts';

/** What decides whether an account may act now: its status and its contract window (epoch ms). */
export interface AccountStanding {
  status: 'active' | 'suspended';
  contractStart: number | null;
  contractEnd: number | null;
}

/**
 * Why the account may not act at `now`, or null when it may (docs/users.md, "Contract windows"):
 * suspended (offboarded included) first, then the window, which holds its start and not its end
 * (start ≤ now < end). Authentication (sessions and tokens), password sign-in and single sign-on
 * all ask this, on every request.
 */
export function accountRefusal(user: AccountStanding, now: number): AppError | null {
  if (user.status !== 'active') return new AppError('ACCOUNT_SUSPENDED');
  if (user.contractStart !== null && now < user.contractStart)
    return new AppError(
      'CONTRACT_NOT_STARTED',
      `Your contract starts at ${new Date(user.contractStart).toISOString()}; you can sign in from then.`,
    );
  if (user.contractEnd !== null && now >= user.contractEnd)
    return new AppError(
      'CONTRACT_ENDED',
      `Your contract ended at ${new Date(user.contractEnd).toISOString()}; ask an admin to extend it.`,
    );
  return null;
}

/** Throws the refusal, if any; otherwise returns the user. */
export function requireUsable<U extends AccountStanding>(user: U, now: number): U {
  const refusal = accountRefusal(user, now);
  if (refusal) throw refusal;
  return user;
}
