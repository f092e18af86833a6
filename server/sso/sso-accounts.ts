import { DisplayName } from '../../core/names.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { AppContext } from '../context.ts';
import { writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { requireUsable } from '../users/account-access.ts';
import { findUserByEmail, findUserById, insertUser, type UserRow } from '../users/users.repository.ts';
import { findIdentityUser, hasIdentityAt, insertIdentity } from './identities.repository.ts';
import type { SsoClaims } from './sso-client.ts';
import { emailDomainAllowed, type SsoConfig } from './sso-config.ts';

/**
 * The account a provider's sign-in is for (docs/sso.md, "Matching"):
 * 1. with allowed domains configured, the provider's email must be in one of them, for everyone;
 * 2. the identity (issuer, sub) linked before decides, whatever email the provider reports now;
 * 3. otherwise a verified email finds an account that has no identity at this issuer yet, and links it;
 * 4. otherwise, with just-in-time accounts on, a verified email of an allowed domain makes an
 *    account with the default role, linked at once.
 * A suspended account, or one outside its contract window (docs/users.md), is refused at 2 and 3,
 * and is never linked.
 */
export async function accountFor(
  ctx: AppContext,
  config: SsoConfig,
  claims: SsoClaims,
): Promise<{ user: UserRow; created: boolean }> {
  try {
    return await resolveAccount(ctx, config, claims);
  } catch (err) {
    // Two first sign-ins of one person at once: one links or creates, the other's insert meets the
    // unique email or identity and, asked again, finds what the first one wrote.
    if (err instanceof AppError) throw err;
    return resolveAccount(ctx, config, claims);
  }
}

async function resolveAccount(
  ctx: AppContext,
  config: SsoConfig,
  claims: SsoClaims,
): Promise<{ user: UserRow; created: boolean }> {
  const db = ctx.store.db;
  const { issuer, subject, email } = claims;
  requireAllowedDomain(config, email);
  const linkedId = await findIdentityUser(db, { issuer, subject });
  if (linkedId !== undefined) {
    const user = await findUserById(db, linkedId);
    if (!user) throw new AppError('SSO_NO_ACCOUNT');
    return { user: requireUsable(user, ctx.clock()), created: false };
  }
  if (email === null || !claims.emailVerified) throw new AppError('SSO_EMAIL_UNVERIFIED');
  const existing = await findUserByEmail(db, email);
  if (existing) {
    requireUsable(existing, ctx.clock());
    // Matched by email the first time only: an account linked to another subject at this
    // issuer is someone else's email now at the provider, not a second identity of theirs.
    if (await hasIdentityAt(db, existing.id, issuer)) {
      // Linked to this very subject since the first look (the same sign-in finishing twice at once).
      if ((await findIdentityUser(db, { issuer, subject })) === existing.id)
        return { user: existing, created: false };
      throw new AppError('SSO_FAILED', 'This account is linked to another identity at the provider.');
    }
    await writeTransaction(ctx.store, async (tx) => {
      await insertIdentity(tx, { issuer, subject, userId: existing.id, createdAt: Date.now() });
      const after = { issuer, subject };
      await appendAudit(
        tx,
        null,
        { action: 'sso.link', targetType: 'user', targetId: existing.id, targetEmail: existing.email, after },
        ctx.clock(),
      );
    });
    return { user: existing, created: false };
  }
  if (!config.jit) throw new AppError('SSO_NO_ACCOUNT');
  const user = await writeTransaction(ctx.store, async (tx) => {
    const row = await insertUser(tx, {
      email,
      name: nameOf(claims.name, email),
      role: config.defaultRole,
      passwordHash: null,
    });
    await insertIdentity(tx, { issuer, subject, userId: row.id, createdAt: row.createdAt });
    const after = { email: row.email, name: row.name, role: row.role, issuer, subject };
    await appendAudit(
      tx,
      null,
      { action: 'sso.signup', targetType: 'user', targetId: row.id, targetEmail: row.email, after },
      ctx.clock(),
    );
    return row;
  });
  return { user, created: true };
}

/** The provider's name for the person when it is a valid name here; else the email's local part. */
export function nameOf(name: string | null, email: string): string {
  const parsed = DisplayName.safeParse(name ?? '');
  if (parsed.success) return parsed.data;
  const local = DisplayName.safeParse(email.slice(0, email.lastIndexOf('@')));
  return local.success ? local.data : email;
}

/** Refuses (SSO_DOMAIN_NOT_ALLOWED) an email outside the allowed domains, when a list is set. */
export function requireAllowedDomain(config: Pick<SsoConfig, 'allowedDomains'>, email: string | null): void {
  if (config.allowedDomains.length === 0) return;
  if (email === null || !emailDomainAllowed(email, config.allowedDomains))
    throw new AppError('SSO_DOMAIN_NOT_ALLOWED');
}
