import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiToken, ChangePasswordBody, CreatedToken, LoginBody, Session } from '../../core/api/users.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso, isoOrNull } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../http/errors.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { requireUsable } from '../users/account-access.ts';
import {
  findUserByEmail,
  findUserById,
  setPasswordHash,
  toUser,
  type UserRow,
} from '../users/users.repository.ts';
import { modelCannotSignIn, SESSION_COOKIE } from './authenticate.ts';
import { keyedHash, newSecret } from './crypto.ts';
import { deleteSession, deleteSessionsOf, insertSession, setCsrfToken } from './sessions.repository.ts';
import { admitSignIn, signInFailed, signInKeys, signInSucceeded } from './sign-in-throttle.ts';
import { insertToken, listLiveTokensOf, revokeAllTokensOf, revokeTokenOf } from './tokens.repository.ts';

export async function login(
  ctx: AppContext,
  body: z.output<typeof LoginBody>,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<z.input<typeof Session>> {
  const keys = signInKeys(ctx.secret, body.email, req.ip);
  const wait = await admitSignIn(ctx, keys);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed sign-ins; try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      {
        retryAfterSeconds: wait,
      },
    );
  }
  const user = await findUserByEmail(ctx.store.db, body.email);
  const stored = user?.passwordHash ?? null;
  const { ok, weaker } = await ctx.passwords.verify(body.password, stored);
  if (!user || !ok) {
    await signInFailed(ctx, keys);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await signInSucceeded(ctx, keys);
  requireUsable(user, ctx.clock());
  if (weaker) await rehash(ctx, user.id, stored!, body.password);
  // Invitations to this email become memberships at sign-in (server/projects/invitations.*).
  await acceptInvitations(ctx.store.db, user);
  return openSession(ctx, user, reply);
}

/**
 * Starts a session for a user who proved who they are (sign-in, the first-run setup): stores the
 * keyed hash of a new session id, sets the cookie, and answers the session with its CSRF token.
 */
export async function openSession(
  ctx: AppContext,
  user: UserRow,
  reply: FastifyReply,
): Promise<z.input<typeof Session>> {
  if (user.modelConnectionId !== null) throw modelCannotSignIn();
  const sessionId = newSecret('vs');
  const csrfToken = newSecret('csrf');
  const now = ctx.clock();
  await insertSession(ctx.store.db, {
    idHash: keyedHash(ctx.secret, sessionId),
    userId: user.id,
    csrfToken,
    createdAt: now,
    expiresAt: now + ctx.sessionTtlMs,
  });
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secureCookies,
    maxAge: Math.floor(ctx.sessionTtlMs / 1000),
  });
  return { user: toUser(user), csrfToken };
}

/** Hashes a password again at the current cost; a concurrent password change wins. */
async function rehash(ctx: AppContext, userId: number, stored: string, password: string): Promise<void> {
  await setPasswordHash(ctx.store.db, userId, await ctx.passwords.hash(password), { replacing: stored });
}

export async function logout(ctx: AppContext, caller: Caller, reply: FastifyReply): Promise<null> {
  if (caller.sessionHash) await deleteSession(ctx.store.db, caller.sessionHash);
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return null;
}

export async function me(ctx: AppContext, caller: Caller): Promise<z.input<typeof Session>> {
  const user = await findUserById(ctx.store.db, caller.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { user: toUser(user), csrfToken: caller.csrfToken ?? '' };
}

/**
 * Changes the caller's password. Their other sessions end (a password change is often a reaction
 * to a leaked one) and this session's CSRF token is replaced; the new one is returned. API tokens
 * are kept: they are credentials of their own, listed and revoked one by one, and scripts should
 * not break on a routine change; `signOutEverywhere` revokes them too (docs/security.md).
 */
export async function changePassword(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof ChangePasswordBody>,
): Promise<z.input<typeof Session>> {
  const user = await findUserById(ctx.store.db, caller.id);
  if (!user || !(await ctx.passwords.verify(body.currentPassword, user.passwordHash)).ok) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  const passwordHash = await ctx.passwords.hash(body.newPassword);
  const csrfToken = caller.sessionHash ? newSecret('csrf') : '';
  await writeTransaction(ctx.store, async (tx) => {
    await setPasswordHash(tx, caller.id, passwordHash);
    if (caller.sessionHash) await setCsrfToken(tx, caller.sessionHash, csrfToken);
    await deleteSessionsOf(tx, caller.id, caller.sessionHash ?? undefined);
  });
  return { user: toUser(user), csrfToken };
}

/** Ends every session of the caller, this one included, and revokes all their API tokens. */
export async function signOutEverywhere(ctx: AppContext, caller: Caller, reply: FastifyReply): Promise<null> {
  await writeTransaction(ctx.store, async (tx) => {
    await deleteSessionsOf(tx, caller.id);
    await revokeAllTokensOf(tx, caller.id, Date.now());
    const entry = {
      targetType: 'user',
      targetId: caller.id,
      targetEmail: caller.email,
      after: { tokens: 'revoked', sessions: 'ended' },
    };
    await appendAudit(tx, caller, { action: 'token.revoke_all', ...entry }, ctx.clock());
  });
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return null;
}

/** `actor`: who asks (the route's caller, themselves); null for the local CLI and test fixtures. */
export async function createToken(
  ctx: AppContext,
  userId: number,
  name: string,
  actor: Caller | null = null,
): Promise<z.input<typeof CreatedToken>> {
  const user = await findUserById(ctx.store.db, userId);
  if (user && user.modelConnectionId !== null) throw modelCannotSignIn();
  const token = newSecret('vt');
  const row = await writeTransaction(ctx.store, async (tx) => {
    const made = await insertToken(tx, {
      userId,
      name,
      tokenHash: keyedHash(ctx.secret, token),
      createdAt: Date.now(),
    });
    const entry = {
      targetType: 'token',
      targetId: made.id,
      targetEmail: user?.email ?? null,
      after: { name },
    };
    await appendAudit(tx, actor, { action: 'token.create', ...entry }, ctx.clock());
    return made;
  });
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt), lastUsedAt: null, token };
}

export async function listTokens(
  ctx: AppContext,
  caller: Caller,
): Promise<{ items: z.input<typeof ApiToken>[] }> {
  const rows = await listLiveTokensOf(ctx.store.db, caller.id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      createdAt: iso(r.createdAt),
      lastUsedAt: isoOrNull(r.lastUsedAt),
    })),
  };
}

export async function revokeToken(ctx: AppContext, caller: Caller, tokenId: number): Promise<null> {
  await writeTransaction(ctx.store, async (tx) => {
    if (!(await revokeTokenOf(tx, { userId: caller.id, tokenId, at: Date.now() }))) throw notFound('token');
    const entry = {
      targetType: 'token',
      targetId: tokenId,
      targetEmail: caller.email,
      after: { revoked: true },
    };
    await appendAudit(tx, caller, { action: 'token.revoke', ...entry }, ctx.clock());
  });
  return null;
}
