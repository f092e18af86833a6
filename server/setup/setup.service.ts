import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CompleteSetupBody, SetupStatus } from '../../core/api/setup.ts';
import type { Session } from '../../core/api/users.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { openSession } from '../auth/auth.service.ts';
import { keyedHash, newSecret, safeEqual } from '../auth/crypto.ts';
import { admitSignIn, signInFailed, signInKeys, signInSucceeded } from '../auth/sign-in-throttle.ts';
import type { AppContext } from '../context.ts';
import { iso } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { findUserByEmail, hasActiveAdmin, hasSignInAccount, insertUser } from '../users/users.repository.ts';
import {
  listSetupTokens,
  replaceSetupToken,
  type SetupTokenRow,
  takeSetupToken,
} from './setup-tokens.repository.ts';

/** How long a setup link works (docs/security.md#first-run-setup-link). */
export const SETUP_LINK_TTL_MS = 3600_000;
/** The web app's page for the link; the token follows in the fragment, which browsers never send. */
export const SETUP_PAGE = '/setup';
/** Ended links are kept this long past their expiry, so an old link is told apart from a wrong one. */
const KEEP_ENDED_MS = 7 * 24 * 3600_000;
/**
 * The throttle's "account" for setup attempts: not an email, so it never shares a key with a
 * sign-in, while the address key is shared with them.
 */
const SETUP_THROTTLE_ACCOUNT = '(first-run setup)';
/**
 * Serialises issuing and using links across server processes on PostgreSQL (SQLite serialises
 * every writer); the sign-in throttle's space is -1, project ids are positive.
 */
const SETUP_LOCK: readonly [number, number] = [-2, 0];

/**
 * While the store has no active admin, makes a one-time setup link and replaces any earlier one
 * (a restart, or another server process starting on the same database): one link works at a
 * time, the newest. Only the token's keyed hash is stored. Answers null when an admin exists.
 * `origin` is where people reach the web app; `now` is injectable for tests of expiry.
 */
export async function issueSetupLink(
  ctx: AppContext,
  opts: { origin: string; now?: number },
): Promise<{ url: string; expiresAt: string } | null> {
  const now = opts.now ?? Date.now();
  const token = newSecret('vsetup');
  const expiresAt = now + SETUP_LINK_TTL_MS;
  const issued = await writeTransaction(
    ctx.store,
    async (tx) => {
      if (await hasActiveAdmin(tx)) return false;
      await replaceSetupToken(tx, {
        tokenHash: keyedHash(ctx.secret, token),
        createdAt: now,
        expiresAt,
        pruneBefore: now - KEEP_ENDED_MS,
      });
      return true;
    },
    { serializeOn: SETUP_LOCK },
  );
  if (!issued) return null;
  return { url: `${opts.origin}${SETUP_PAGE}#token=${token}`, expiresAt: iso(expiresAt) };
}

/** Whether setup is still to be done, and whether anyone can sign in meanwhile. */
export async function setupStatus(ctx: AppContext): Promise<z.input<typeof SetupStatus>> {
  const [admin, accounts] = await Promise.all([hasActiveAdmin(ctx.store.db), hasSignInAccount(ctx.store.db)]);
  return { needed: !admin, accounts };
}

/**
 * Makes the first admin with a setup link's token and signs them in. The link is used up in the
 * transaction that makes the admin, so it works once, and not at all once an admin exists.
 * While setup is needed, every attempt counts in the sign-in throttle of the client's address
 * (a wrong, expired or replaced token as a failed sign-in) until one succeeds.
 */
export async function completeSetup(
  ctx: AppContext,
  input: { body: z.output<typeof CompleteSetupBody>; clientAddress: string; reply: FastifyReply },
): Promise<z.input<typeof Session>> {
  const { body } = input;
  const tokenHash = keyedHash(ctx.secret, body.token);
  // Checked before the (costly) hash of the password, and again when the link is used up.
  const refusal = await refusalOf(ctx, tokenHash, Date.now());
  // Once the first admin exists there is nothing left to guess: no throttle.
  if (refusal?.code === 'SETUP_DONE' || refusal?.code === 'SETUP_LINK_USED') throw refusal;
  const keys = signInKeys(ctx.secret, SETUP_THROTTLE_ACCOUNT, input.clientAddress);
  const wait = await admitSignIn(ctx, keys);
  if (wait > 0) {
    throw new AppError(
      'RATE_LIMITED',
      `Too many failed setup attempts from this address; try again in ${wait} second${wait === 1 ? '' : 's'}.`,
      { retryAfterSeconds: wait },
    );
  }
  if (refusal) {
    await signInFailed(ctx, keys);
    throw refusal;
  }
  if (await findUserByEmail(ctx.store.db, body.email)) {
    throw new AppError('CONFLICT', `A user with email ${body.email} already exists; choose another email.`);
  }
  const passwordHash = await ctx.passwords.hash(body.password);
  const admin = await writeTransaction(
    ctx.store,
    async (tx) => {
      // An admin made meanwhile (the CLI, or a concurrent use) or a link used, replaced or expired
      // meanwhile: nothing is written, and the reason is found below.
      if ((await hasActiveAdmin(tx)) || !(await takeSetupToken(tx, tokenHash, Date.now()))) return null;
      const user = await insertUser(tx, { email: body.email, name: body.name, role: 'admin', passwordHash });
      await acceptInvitations(tx, user);
      // The first admin makes themselves: the system acts (docs/audit.md).
      const after = { email: user.email, name: user.name, role: user.role, via: 'setup' };
      await appendAudit(
        tx,
        null,
        { action: 'user.create', targetType: 'user', targetId: user.id, targetEmail: user.email, after },
        ctx.clock(),
      );
      return user;
    },
    { serializeOn: SETUP_LOCK },
  );
  if (!admin) throw (await refusalOf(ctx, tokenHash, Date.now())) ?? new AppError('SETUP_LINK_USED');
  await signInSucceeded(ctx, keys);
  return openSession(ctx, admin, input.reply);
}

const doneError = () =>
  new AppError('SETUP_DONE', 'Verity has an admin already, so setup is done; sign in instead.');

/**
 * Why a token cannot make the first admin now, or null when it can. The token's keyed hash is
 * compared with every stored one in constant time (there are a handful at most), so the time of
 * the answer says nothing about how much of a guess matched.
 */
async function refusalOf(ctx: AppContext, tokenHash: string, now: number): Promise<AppError | null> {
  const rows = await listSetupTokens(ctx.store.db);
  let match: SetupTokenRow | undefined;
  for (const row of rows) if (safeEqual(row.tokenHash, tokenHash)) match = row;
  if (match && match.usedAt !== null) {
    return new AppError(
      'SETUP_LINK_USED',
      'This setup link was used already to make the first admin; sign in.',
    );
  }
  if (await hasActiveAdmin(ctx.store.db)) return doneError();
  if (!match) return new AppError('SETUP_LINK_INVALID');
  if (match.replacedAt !== null) {
    return new AppError(
      'SETUP_LINK_EXPIRED',
      'A newer setup link replaced this one: the server (or another server process on this database) started again since. Open the link it printed last.',
    );
  }
  if (match.expiresAt <= now) {
    return new AppError(
      'SETUP_LINK_EXPIRED',
      'This setup link has expired (a link works for 1 hour); restart the server and open the new link it prints.',
    );
  }
  return null;
}
