import type { FastifyRequest } from 'fastify';
import type { AppContext, Caller } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { requireUsable } from '../users/account-access.ts';
import { keyedHash, safeEqual } from './crypto.ts';
import { findSessionWithUser } from './sessions.repository.ts';
import { findTokenWithUser, markTokenUsed } from './tokens.repository.ts';

export const SESSION_COOKIE = 'verity_session';

/**
 * The account a model judge answers as (docs/judge.md) has no email and no password, and no
 * session or API token is ever made for it; should one exist anyway, it is refused here too.
 */
export const modelCannotSignIn = () =>
  new AppError('FORBIDDEN', "A model judge's account cannot sign in or hold an API token.");
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a bearer token or the session cookie, reading the user on every
 * request: a suspension, a contract's start or end (docs/users.md) or a revoked token takes effect
 * on the very next request.
 */
export async function authenticate(ctx: AppContext, req: FastifyRequest): Promise<Caller> {
  const header = req.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1])
      throw new AppError('UNAUTHENTICATED', 'The Authorization header must be "Bearer <token>".');
    return byToken(ctx, match[1]);
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  if (!cookie) throw new AppError('UNAUTHENTICATED');
  const caller = await bySession(ctx, cookie);
  if (!SAFE_METHODS.has(req.method)) {
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !caller.csrfToken || !safeEqual(sent, caller.csrfToken)) {
      throw new AppError('CSRF_FAILED');
    }
  }
  return caller;
}

async function byToken(ctx: AppContext, token: string): Promise<Caller> {
  const row = await findTokenWithUser(ctx.store.db, keyedHash(ctx.secret, token));
  if (!row) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked.');
  if (row.modelConnectionId !== null) throw modelCannotSignIn();
  const now = ctx.clock();
  requireUsable(row, now);
  // At most one write a minute per token, so reads stay reads.
  if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000) {
    await markTokenUsed(ctx.store.db, row.tokenId, now);
  }
  return tokenCaller(row);
}

/** The caller a user acts as through an API token (no session, no CSRF token). */
export const tokenCaller = (user: Pick<Caller, 'id' | 'email' | 'name' | 'role'>): Caller => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  via: 'token',
  csrfToken: null,
  sessionHash: null,
});

async function bySession(ctx: AppContext, sessionId: string): Promise<Caller> {
  const idHash = keyedHash(ctx.secret, sessionId);
  const row = await findSessionWithUser(ctx.store.db, idHash);
  if (!row) throw new AppError('UNAUTHENTICATED', 'Your session ended; sign in again.');
  if (row.modelConnectionId !== null) throw modelCannotSignIn();
  // Status and contract before expiry: a suspended user's sessions are expired, and they should
  // be told why.
  const now = ctx.clock();
  requireUsable(row, now);
  if (row.expiresAt <= now) throw new AppError('UNAUTHENTICATED', 'Your session ended; sign in again.');
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    via: 'session',
    csrfToken: row.csrfToken,
    sessionHash: idHash,
  };
}
