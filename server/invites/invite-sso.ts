import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { InviteSsoStart } from '../../core/api/invites.ts';
import { keyedHash } from '../auth/crypto.ts';
import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { seal, unseal } from '../models/seal.ts';
import { findIdentityUser, insertIdentity } from '../sso/identities.repository.ts';
import { nameOf, requireAllowedDomain } from '../sso/sso-accounts.ts';
import type { SsoClaims } from '../sso/sso-client.ts';
import type { SsoConfig } from '../sso/sso-config.ts';
import { CALLBACK_PATH, FLOW_TTL_MS } from '../sso/sso-flow.ts';
import { requireUsable } from '../users/account-access.ts';
import { findUserById, type UserRow } from '../users/users.repository.ts';
import { acceptInto, INVITE_LANDING, usableInvite } from './accept.service.ts';
import { inviteRefusal } from './invite-links.ts';
import { findInvite } from './invites.repository.ts';

/**
 * Accepting an invite by single sign-on (docs/onboarding.md): the invite page posts the token, which
 * is checked and kept, as the invite's id and the token's keyed hash, in a cookie sealed with the
 * server secret for the callback's path alone (as the flow's own, server/sso/sso-flow.ts); the
 * browser then starts the ordinary sign-in. The token never travels in a URL.
 */
export const INVITE_COOKIE = 'verity_invite';

interface PendingInvite {
  inviteId: number;
  tokenHash: string;
  expiresAt: number;
}

export async function startInviteSso(
  ctx: AppContext,
  token: string,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<z.input<typeof InviteSsoStart>> {
  if (!ctx.sso) throw new AppError('SSO_NOT_CONFIGURED');
  const row = await usableInvite(ctx, token, req.ip);
  const pending: PendingInvite = {
    inviteId: row.id,
    tokenHash: keyedHash(ctx.secret, token),
    expiresAt: ctx.clock() + FLOW_TTL_MS,
  };
  reply.setCookie(INVITE_COOKIE, seal(ctx.secret, JSON.stringify(pending), 'invite-flow'), {
    path: CALLBACK_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secureCookies,
    maxAge: Math.floor(FLOW_TTL_MS / 1000),
  });
  return { location: `/api/auth/sso/start?returnTo=${encodeURIComponent(INVITE_LANDING)}` };
}

/** The invite this browser carries into the callback, once (the cookie is cleared); null: none or stale. */
export function takePendingInvite(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
): PendingInvite | null {
  const sealed = req.cookies[INVITE_COOKIE];
  if (!sealed) return null;
  reply.clearCookie(INVITE_COOKIE, { path: CALLBACK_PATH });
  try {
    const pending = JSON.parse(unseal(ctx.secret, sealed, 'invite-flow')) as PendingInvite;
    return pending.expiresAt > ctx.clock() ? pending : null;
  } catch {
    return null;
  }
}

/**
 * The account a provider's sign-in makes or links through an invite, whether or not just-in-time
 * accounts are on: the allowed domains still hold, the provider's email must be verified and be
 * the invite's (when it is bound to one), and the identity must not be linked to an account yet.
 * The account is made with the invite's presets (or, for an import's link, is the imported
 * account) and linked to the identity in the same transaction that uses the link up.
 */
export async function accountFromInvite(
  ctx: AppContext,
  config: SsoConfig,
  claims: SsoClaims,
  pending: PendingInvite,
): Promise<{ user: UserRow; created: boolean }> {
  const db = ctx.store.db;
  const { issuer, subject, email } = claims;
  requireAllowedDomain(config, email);
  if (email === null || !claims.emailVerified) throw new AppError('SSO_EMAIL_UNVERIFIED');
  const row = await findInvite(db, pending.inviteId);
  if (!row || row.tokenHash !== pending.tokenHash) throw new AppError('INVITE_INVALID');
  const refusal = inviteRefusal(row, ctx.clock());
  if (refusal) throw refusal;
  const bound = row.userId === null ? row.email : ((await findUserById(db, row.userId))?.email ?? null);
  if (bound !== null && bound !== email.toLowerCase()) throw new AppError('INVITE_EMAIL_MISMATCH');
  if ((await findIdentityUser(db, { issuer, subject })) !== undefined)
    throw new AppError('CONFLICT', 'This identity at the provider has an account already; sign in instead.');
  const user = await writeTransaction(ctx.store, async (tx) => {
    const made = await acceptInto(ctx, tx, row, {
      email: email.toLowerCase(),
      name: row.userId === null ? nameOf(claims.name, email) : null,
      passwordHash: null,
      via: 'sso',
    });
    await insertIdentity(tx, { issuer, subject, userId: made.id, createdAt: ctx.clock() });
    return made;
  });
  return { user: requireUsable(user, ctx.clock()), created: row.userId === null };
}
