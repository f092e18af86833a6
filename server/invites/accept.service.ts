import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { AcceptedInvite, AcceptInviteBody, InvitePreview } from '../../core/api/invites.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { openSession } from '../auth/auth.service.ts';
import { keyedHash } from '../auth/crypto.ts';
import { admitSignIn, signInFailed, signInKeys, signInSucceeded } from '../auth/sign-in-throttle.ts';
import type { AppContext } from '../context.ts';
import type { Tx } from '../db/transaction.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { requireUsable } from '../users/account-access.ts';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  setPasswordHash,
  type UserRow,
  updateUserRow,
} from '../users/users.repository.ts';
import {
  applyPresets,
  auditedPresets,
  grantOf,
  inviteRefusal,
  projectsOf,
  skillsOf,
} from './invite-links.ts';
import {
  findInvite,
  findInviteByHash,
  type InviteRow,
  namesFor,
  setInviteUsedBy,
  takeInvite,
} from './invites.repository.ts';

/** Where the web app takes someone who has just accepted: their work across projects. */
export const INVITE_LANDING = '/my-work';
/** The throttle's "account" for invite tokens (not an email, so never shared with a sign-in). */
const INVITE_THROTTLE_ACCOUNT = '(invite link)';

/**
 * The invite of a token, usable now, or the reason it is not. An unknown token counts as a failed
 * sign-in of the client's address (as password reset links do), so tokens cannot be guessed at speed.
 */
export async function usableInvite(
  ctx: AppContext,
  token: string,
  clientAddress: string,
): Promise<InviteRow> {
  const keys = signInKeys(ctx.secret, INVITE_THROTTLE_ACCOUNT, clientAddress);
  const wait = await admitSignIn(ctx, keys);
  if (wait > 0)
    throw new AppError(
      'RATE_LIMITED',
      `Too many unknown invite links from this address; try again in ${wait} s.`,
      {
        retryAfterSeconds: wait,
      },
    );
  const row = await findInviteByHash(ctx.store.db, keyedHash(ctx.secret, token));
  if (!row) {
    await signInFailed(ctx, keys);
    throw new AppError('INVITE_INVALID');
  }
  await signInSucceeded(ctx, keys);
  const refusal = inviteRefusal(row, ctx.clock());
  if (refusal) throw refusal;
  return row;
}

/** What the invite grants, for the page that accepts it: nothing about who made it or anyone else. */
export async function previewInvite(
  ctx: AppContext,
  token: string,
  clientAddress: string,
): Promise<z.input<typeof InvitePreview>> {
  const row = await usableInvite(ctx, token, clientAddress);
  const names = await namesFor(
    ctx.store.db,
    [],
    projectsOf(row).map((p) => p.projectId),
  );
  const account = row.userId === null ? undefined : await findUserById(ctx.store.db, row.userId);
  return {
    ...grantOf(row, names.projects),
    email: account?.email ?? row.email,
    name: account?.name ?? null,
    expiresAt: new Date(row.expiresAt).toISOString(),
    sso: ctx.sso !== null,
  };
}

/** Uses the invite up inside `tx`, or throws why it cannot be (used, withdrawn or expired meanwhile). */
async function take(tx: Tx, row: InviteRow, now: number): Promise<void> {
  if (await takeInvite(tx, row.id, now)) return;
  const current = await findInvite(tx, row.id);
  throw (current && inviteRefusal(current, now)) ?? new AppError('INVITE_USED');
}

/**
 * The account an invite brings in, inside the accepting transaction, after the link is used up:
 * for an import's link, the account it made (its name and password set now); otherwise a new
 * account with the invite's role and contract window, its skills and memberships, and any pending
 * email invitations of its address. An address that has an account already is refused (the
 * rollback leaves the link usable). Records `invite.accept`, with the new member as the actor.
 */
export async function acceptInto(
  ctx: AppContext,
  tx: Tx,
  row: InviteRow,
  account: { email: string; name: string | null; passwordHash: string | null; via: 'password' | 'sso' },
): Promise<UserRow> {
  const now = ctx.clock();
  await take(tx, row, now);
  let user: UserRow;
  if (row.userId !== null) {
    const found = await findUserById(tx, row.userId);
    if (found?.status !== 'active') throw new AppError('ACCOUNT_SUSPENDED');
    if (account.passwordHash !== null) await setPasswordHash(tx, found.id, account.passwordHash);
    if (account.name !== null) await updateUserRow(tx, found.id, { name: account.name });
    user = (await findUserById(tx, found.id))!;
  } else {
    if (await findUserByEmail(tx, account.email))
      throw new AppError('CONFLICT', `${account.email} has an account already; sign in instead.`);
    const made = await insertUser(tx, {
      email: account.email,
      name: account.name ?? account.email,
      role: row.role,
      passwordHash: account.passwordHash,
    });
    await updateUserRow(tx, made.id, { contractStart: row.contractStart, contractEnd: row.contractEnd });
    const names = await namesFor(
      tx,
      [],
      projectsOf(row).map((p) => p.projectId),
    );
    await applyPresets(tx, row, made.id, new Set(names.projects.keys()), now);
    await acceptInvitations(tx, made);
    user = (await findUserById(tx, made.id))!;
  }
  await setInviteUsedBy(tx, row.id, user.id);
  const presets = { ...row, skills: skillsOf(row), projects: projectsOf(row) };
  await appendAudit(
    tx,
    { id: user.id, email: user.email, name: user.name },
    {
      action: 'invite.accept',
      targetType: 'invite',
      targetId: row.id,
      targetEmail: user.email,
      after: { userId: user.id, via: account.via, ...(row.userId === null ? auditedPresets(presets) : {}) },
    },
    now,
  );
  return user;
}

/**
 * Accepts an invite with a name and password (docs/onboarding.md): the account and everything
 * the invite presets in one transaction, then a session as at sign-in. An account whose contract
 * window has not opened yet is made, and the answer says when it may sign in.
 */
export async function acceptInvite(
  ctx: AppContext,
  body: z.output<typeof AcceptInviteBody>,
  clientAddress: string,
  reply: FastifyReply,
): Promise<z.input<typeof AcceptedInvite>> {
  const row = await usableInvite(ctx, body.token, clientAddress);
  const bound =
    row.userId === null ? row.email : ((await findUserById(ctx.store.db, row.userId))?.email ?? null);
  if (bound !== null && body.email !== undefined && body.email !== bound)
    throw new AppError(
      'INVITE_EMAIL_MISMATCH',
      `This invite is for another email address; accept it as the address it was sent to.`,
    );
  const email = bound ?? body.email;
  if (email === undefined)
    throw new AppError('VALIDATION_FAILED', 'body.email: this invite is for any address: give yours', [
      { path: 'body.email', message: 'this invite is for any address: give yours' },
    ]);
  const passwordHash = await ctx.passwords.hash(body.password);
  const user = await writeTransaction(ctx.store, (tx) =>
    acceptInto(ctx, tx, row, { email, name: body.name, passwordHash, via: 'password' }),
  );
  requireUsable(user, ctx.clock());
  const session = await openSession(ctx, user, reply);
  return { ...session, landing: INVITE_LANDING };
}
