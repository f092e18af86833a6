import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.ts';
import { seal, unseal } from '../models/seal.ts';
import type { SsoChecks } from './sso-client.ts';

/**
 * A sign-in under way lives in the browser that started it, in one cookie sealed with the server
 * secret (AES-256-GCM, server/models/seal.ts): its state, nonce and PKCE verifier, the redirect URI
 * used, where to land, and when it expires. Nothing is stored server-side, so any server process
 * can finish it; the cookie binds the callback to the browser that started (a callback URL carried
 * to another browser fails). SameSite=Lax, because the provider's redirect back is a cross-site
 * navigation that a Strict cookie would not accompany; its path is the callback's alone.
 */
export const FLOW_COOKIE = 'verity_sso';
export const CALLBACK_PATH = '/api/auth/sso/callback';
/** Long enough to sign in at the provider (a password, a second factor), short enough to be stale soon. */
export const FLOW_TTL_MS = 10 * 60_000;

export interface Flow extends SsoChecks {
  redirectUri: string;
  returnTo: string;
  expiresAt: number;
}

/** The callback's address as the provider must send the browser back to it (registered there). */
export function callbackUrl(ctx: AppContext, req: FastifyRequest): string {
  const origin = ctx.publicOrigin ?? `${req.protocol}://${req.host}`;
  return `${origin}${CALLBACK_PATH}`;
}

/** A path of this site to land on after signing in; anything else (another origin, the API) is `/`. */
export function safeReturnTo(value: string | undefined): string {
  if (value === undefined || !value.startsWith('/') || value.startsWith('//')) return '/';
  // A backslash reads as a slash in browsers (/\\evil.example); controls have no place in a path.
  if ([...value].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return '/';
  return value === '/api' || value.startsWith('/api/') ? '/' : value;
}

export function writeFlow(ctx: AppContext, reply: FastifyReply, flow: Flow): void {
  reply.setCookie(FLOW_COOKIE, seal(ctx.secret, JSON.stringify(flow), 'sso-flow'), {
    path: CALLBACK_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.secureCookies,
    maxAge: Math.floor(FLOW_TTL_MS / 1000),
  });
}

/** The flow this browser started, once: the cookie is cleared; null when absent, altered or expired. */
export function takeFlow(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  now: number,
): Flow | null {
  const sealed = req.cookies[FLOW_COOKIE];
  if (!sealed) return null;
  reply.clearCookie(FLOW_COOKIE, { path: CALLBACK_PATH });
  try {
    const flow = JSON.parse(unseal(ctx.secret, sealed, 'sso-flow')) as Flow;
    return flow.expiresAt > now ? flow : null;
  } catch {
    return null;
  }
}
