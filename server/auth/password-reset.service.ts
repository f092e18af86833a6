import type { z } from 'zod';
import type { PasswordResetLink, ResetPasswordBody } from '../../core/api/users.ts';
import { requireRole } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../http/errors.ts';
import { findUserById, setPasswordHash } from '../users/users.repository.ts';
import { keyedHash, newSecret } from './crypto.ts';
import {
  findLivePasswordReset,
  replacePasswordReset,
  takePasswordReset,
} from './password-resets.repository.ts';
import { deleteSessionsOf } from './sessions.repository.ts';
import { admitSignIn, signInFailed, signInKeys, signInSucceeded } from './sign-in-throttle.ts';

/** How long a reset link works (docs/security.md). */
export const PASSWORD_RESET_TTL_MS = 24 * 3600_000;
/** The web app's page for a link; the token follows in the fragment, which browsers never send. */
export const RESET_PAGE = '/reset-password';
/**
 * The throttle's "account" for redemptions: not an email (no address has parentheses and a
 * space), so it never shares a key with a sign-in, while the address key is shared with them.
 */
const RESET_THROTTLE_ACCOUNT = '(password reset)';

/**
 * Makes a one-time reset link for a user and voids their earlier ones (docs/security.md). Only
 * the token's keyed hash is stored; the link is returned once. An external identity (no login)
 * or a suspended account gets none: a reset must not be a way back in. `caller` null is the
 * local CLI (`verity user reset-password`), which holds the store already. `origin` is where
 * people reach the web app.
 */
export async function createPasswordReset(
  ctx: AppContext,
  caller: Caller | null,
  userId: number,
  origin: string,
  now = Date.now(),
): Promise<z.input<typeof PasswordResetLink>> {
  if (caller) requireRole(caller, 'admin');
  const user = await findUserById(ctx.store.db, userId);
  if (!user) throw notFound('user');
  if (user.modelConnectionId !== null)
    throw new AppError(
      'CONFLICT',
      `${user.name} is a model judge's account: it has no password and cannot sign in.`,
    );
  if (user.external || user.email === null) {
    throw new AppError(
      'CONFLICT',
      `${user.name} is an external annotator (an identity without a login) and has no password to reset.`,
    );
  }
  if (user.status !== 'active') {
    throw new AppError(
      'CONFLICT',
      `${user.email} is suspended; reactivate the account before resetting its password.`,
    );
  }
  const token = newSecret('vr');
  const expiresAt = now + PASSWORD_RESET_TTL_MS;
  await writeTransaction(ctx.store, async (tx) => {
    await replacePasswordReset(tx, {
      userId,
      tokenHash: keyedHash(ctx.secret, token),
      createdBy: caller?.id ?? null,
      createdAt: now,
      expiresAt,
    });
    const entry = {
      targetType: 'user',
      targetId: userId,
      targetEmail: user.email,
      after: { expiresAt: iso(expiresAt) },
    };
    await appendAudit(tx, caller, { action: 'user.reset_link', ...entry }, now);
  });
  return { url: `${origin}${RESET_PAGE}#token=${token}`, expiresAt: iso(expiresAt) };
}

/**
 * Sets a new password with a reset link's token. The token is used up, and every session of the
 * user ends, as after a password change (API tokens are kept; docs/security.md). The person then
 * signs in with the new password. Failed attempts count in the sign-in throttle of the client's
 * address.
 */
export async function resetPassword(
  ctx: AppContext,
  body: z.output<typeof ResetPasswordBody>,
  clientAddress: string,
): Promise<null> {
  const keys = signInKeys(ctx.secret, RESET_THROTTLE_ACCOUNT, clientAddress);
  const wait = await admitSignIn(ctx, keys);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed attempts from this address; try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      { retryAfterSeconds: wait },
    );
  }
  const tokenHash = keyedHash(ctx.secret, body.token);
  // Checked before the (costly) hash of the new password, and again when it is used up.
  if (!(await findLivePasswordReset(ctx.store.db, tokenHash, Date.now()))) {
    await signInFailed(ctx, keys);
    throw new AppError('RESET_LINK_INVALID');
  }
  const passwordHash = await ctx.passwords.hash(body.newPassword);
  await writeTransaction(ctx.store, async (tx) => {
    const taken = await takePasswordReset(tx, tokenHash, Date.now());
    if (!taken) throw new AppError('RESET_LINK_INVALID');
    const user = await findUserById(tx, taken.userId);
    // Suspension voids a user's links; this holds even if one raced it (the rollback keeps the link).
    if (user?.status !== 'active') throw new AppError('ACCOUNT_SUSPENDED');
    await setPasswordHash(tx, user.id, passwordHash);
    await deleteSessionsOf(tx, user.id);
  });
  await signInSucceeded(ctx, keys);
  return null;
}
