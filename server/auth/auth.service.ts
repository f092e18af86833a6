import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ApiToken, ChangePasswordBody, CreatedToken, LoginBody, Session } from '../../core/api/users.ts';
import type { AppContext, Caller } from '../context.ts';
import { iso, isoOrNull } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { findUserByEmail, findUserById, toUser } from '../users/users.repository.ts';
import { SESSION_COOKIE } from './authenticate.ts';
import { hashPassword, keyedHash, newSecret, verifyPassword } from './crypto.ts';

export async function login(
  ctx: AppContext,
  body: z.output<typeof LoginBody>,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<z.input<typeof Session>> {
  const wait = Math.max(ctx.loginLimiter.hit(`ip:${req.ip}`), ctx.loginLimiter.hit(`email:${body.email}`));
  if (wait > 0) {
    reply.header('retry-after', String(wait));
    throw new AppError('RATE_LIMITED', `Too many sign-in attempts; try again in ${wait} seconds.`);
  }
  const user = await findUserByEmail(ctx.store.db, body.email);
  const ok = await verifyPassword(body.password, user?.passwordHash ?? null);
  if (!user || !ok) throw new AppError('INVALID_CREDENTIALS');
  if (user.status !== 'active') throw new AppError('ACCOUNT_SUSPENDED');
  ctx.loginLimiter.reset(`email:${body.email}`);
  const sessionId = newSecret('vs');
  const csrfToken = newSecret('csrf');
  const now = Date.now();
  await ctx.store.db
    .insertInto('sessions')
    .values({
      idHash: keyedHash(ctx.secret, sessionId),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt: now + ctx.sessionTtlMs,
    })
    .execute();
  // Invitations to this email become memberships at sign-in (server/projects/invitations.*).
  await acceptInvitations(ctx.store.db, user);
  reply.setCookie(SESSION_COOKIE, sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: ctx.secureCookies,
    maxAge: Math.floor(ctx.sessionTtlMs / 1000),
  });
  return { user: toUser(user), csrfToken };
}

export async function logout(ctx: AppContext, caller: Caller, reply: FastifyReply): Promise<null> {
  if (caller.sessionHash)
    await ctx.store.db.deleteFrom('sessions').where('idHash', '=', caller.sessionHash).execute();
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return null;
}

export async function me(ctx: AppContext, caller: Caller): Promise<z.input<typeof Session>> {
  const user = await findUserById(ctx.store.db, caller.id);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return { user: toUser(user), csrfToken: caller.csrfToken ?? '' };
}

export async function changePassword(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof ChangePasswordBody>,
): Promise<null> {
  const user = await findUserById(ctx.store.db, caller.id);
  if (!user || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
    throw new AppError('INVALID_CREDENTIALS', 'The current password is wrong.');
  }
  const passwordHash = await hashPassword(body.newPassword);
  await ctx.store.db.updateTable('users').set({ passwordHash }).where('id', '=', caller.id).execute();
  // Other sessions end: a password change is often a reaction to a leaked one.
  let q = ctx.store.db.deleteFrom('sessions').where('userId', '=', caller.id);
  if (caller.sessionHash) q = q.where('idHash', '!=', caller.sessionHash);
  await q.execute();
  return null;
}

export async function createToken(
  ctx: AppContext,
  userId: number,
  name: string,
): Promise<z.input<typeof CreatedToken>> {
  const token = newSecret('vt');
  const row = await ctx.store.db
    .insertInto('apiTokens')
    .values({
      userId,
      name,
      tokenHash: keyedHash(ctx.secret, token),
      createdAt: Date.now(),
      lastUsedAt: null,
      revokedAt: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { id: row.id, name: row.name, createdAt: iso(row.createdAt), lastUsedAt: null, token };
}

export async function listTokens(
  ctx: AppContext,
  caller: Caller,
): Promise<{ items: z.input<typeof ApiToken>[] }> {
  const rows = await ctx.store.db
    .selectFrom('apiTokens')
    .selectAll()
    .where('userId', '=', caller.id)
    .where('revokedAt', 'is', null)
    .orderBy('id')
    .execute();
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
  const result = await ctx.store.db
    .updateTable('apiTokens')
    .set({ revokedAt: Date.now() })
    .where('id', '=', tokenId)
    .where('userId', '=', caller.id)
    .where('revokedAt', 'is', null)
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound('token');
  return null;
}
