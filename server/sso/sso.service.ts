import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { SsoInfo } from '../../core/api/sso.ts';
import type { ErrorCode } from '../../core/errors.ts';
import { openSession } from '../auth/auth.service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/errors.ts';
import type { Redirect } from '../http/register.ts';
import { accountFromInvite, takePendingInvite } from '../invites/invite-sso.ts';
import { findBlockedAddress } from '../net/guarded-agent.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { accountFor } from './sso-accounts.ts';
import type { SsoClient } from './sso-client.ts';
import { callbackUrl, FLOW_TTL_MS, safeReturnTo, takeFlow, writeFlow } from './sso-flow.ts';

export function ssoInfo(ctx: AppContext): z.input<typeof SsoInfo> {
  return { enabled: ctx.sso !== null, label: ctx.sso?.config.label ?? null };
}

function requireSso(ctx: AppContext): SsoClient {
  if (!ctx.sso) throw new AppError('SSO_NOT_CONFIGURED');
  return ctx.sso;
}

/** Where a refused sign-in lands: the sign-in page, which explains the code (core/errors.ts). */
const refused = (code: ErrorCode): Redirect => ({ location: `/?sso_error=${code}` });

/** Sends the browser to the provider, keeping the flow's checks in the sealed cookie (sso-flow.ts). */
export async function startSso(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  returnTo: string | undefined,
): Promise<Redirect> {
  const sso = requireSso(ctx);
  const redirectUri = callbackUrl(ctx, req);
  let begun: Awaited<ReturnType<SsoClient['begin']>>;
  try {
    begun = await sso.begin(redirectUri);
  } catch (err) {
    req.log.warn({ reason: reasonOf(err) }, 'single sign-on: the provider could not be reached');
    return refused('SSO_FAILED');
  }
  writeFlow(ctx, reply, {
    ...begun.checks,
    redirectUri,
    returnTo: safeReturnTo(returnTo),
    expiresAt: Date.now() + FLOW_TTL_MS,
  });
  return { location: begun.url.href };
}

/**
 * The provider's redirect back: the flow's checks, the account (sso-accounts.ts), invitations
 * accepted as at a password sign-in, and the same session; then into the app. Every refusal
 * redirects to the sign-in page with its code, and is logged with its reason (never a secret).
 */
export async function finishSso(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<Redirect> {
  const sso = requireSso(ctx);
  const flow = takeFlow(ctx, req, reply, Date.now());
  const invite = takePendingInvite(ctx, req, reply);
  try {
    if (!flow) throw new AppError('SSO_FAILED', 'no sign-in under way in this browser, or it expired');
    const url = new URL(flow.redirectUri);
    url.search = new URL(req.url, 'http://callback').search;
    let claims: Awaited<ReturnType<SsoClient['finish']>>;
    try {
      claims = await sso.finish(url, flow);
    } catch (err) {
      throw new AppError('SSO_FAILED', reasonOf(err));
    }
    // An invite carried through the flow (server/invites/invite-sso.ts) makes or links the account.
    const { user, created } = invite
      ? await accountFromInvite(ctx, sso.config, claims, invite)
      : await accountFor(ctx, sso.config, claims);
    await acceptInvitations(ctx.store.db, user);
    await openSession(ctx, user, reply);
    req.log.info({ userId: user.id, created }, 'single sign-on: signed in');
    return { location: flow.returnTo };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    req.log.warn({ code: err.code, reason: err.message }, 'single sign-on: refused');
    return refused(err.code);
  }
}

/**
 * A failure's own words: openid-client's code and message, the check's own (which claim did not
 * match) or the provider's error code, the outbound guard's refusal; never the whole object.
 */
function reasonOf(err: unknown): string {
  const blocked = findBlockedAddress(err);
  if (blocked) return `the provider's address is refused: ${blocked.message}`;
  const e = err as {
    message?: unknown;
    code?: unknown;
    error?: unknown;
    error_description?: unknown;
    cause?: unknown;
  };
  const cause = e.cause instanceof Error ? e.cause.message : undefined;
  // A refusal in a WWW-Authenticate header (a wrong client secret): its challenges' error codes.
  const challenges = Array.isArray(e.cause)
    ? e.cause.map((c: { parameters?: { error?: unknown } }) => c.parameters?.error).join(', ')
    : undefined;
  const parts = [e.code, e.error, e.error_description, e.message, cause, challenges];
  return parts.filter((p) => typeof p === 'string').join(': ') || 'unknown error';
}
