import type { z } from 'zod';
import type { BulkStatusBody, BulkStatusResult } from '../../core/api/users.ts';
import { requireRole } from '../access.ts';
import { releaseLocksOf } from '../assignments/assignments.repository.ts';
import { auditStatusChanges } from '../audit/audit-acts.ts';
import { deletePasswordResetsOf } from '../auth/password-resets.repository.ts';
import { expireSessionsOf } from '../auth/sessions.repository.ts';
import { revokeTokensOfUsers } from '../auth/tokens.repository.ts';
import type { AppContext, Caller } from '../context.ts';
import { type Tx, writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { findUsersByEmailsOrIds, setStatusOf, type UserRow } from './users.repository.ts';

type Outcome = z.infer<typeof BulkStatusResult>['results'][number]['outcome'];

/**
 * Ends the users' access at once, inside the caller's transaction (docs/users.md, "Suspension and
 * offboarding"): their sessions are expired (kept, so the next request is told why), password reset
 * links voided, and their locks released to the pool (slots recomputed, claim cursors voided), so
 * their items are claimable by the very next request. Drafts and submissions stay. Offboarding also
 * revokes their API tokens, which reinstating does not bring back. Returns how many locks went back.
 */
export async function endAccess(
  tx: Tx,
  userIds: readonly number[],
  now: number,
  offboard: boolean,
): Promise<number> {
  await expireSessionsOf(tx, userIds);
  await deletePasswordResetsOf(tx, userIds);
  if (offboard) await revokeTokensOfUsers(tx, userIds, now);
  return releaseLocksOf(tx, userIds, now);
}

/** What the action does to a user as they are now: the outcome, and whether it changes them. */
function outcomeFor(action: z.infer<typeof BulkStatusBody>['action'], u: UserRow): [Outcome, boolean] {
  if (action === 'suspend')
    return u.status === 'suspended' ? ['already_suspended', false] : ['suspended', true];
  if (action === 'offboard')
    return u.offboardedAt !== null ? ['already_offboarded', false] : ['offboarded', true];
  return u.status === 'active' ? ['already_active', false] : ['reinstated', true];
}

/**
 * Suspends, offboards or reinstates every user named, by email or id, in one transaction, and
 * reports each: what happened, or that there is no such user. Admins only; naming oneself in a
 * suspension or offboarding refuses the whole call, changing nothing.
 */
export async function bulkUserStatus(
  ctx: AppContext,
  caller: Caller,
  body: z.output<typeof BulkStatusBody>,
): Promise<z.input<typeof BulkStatusResult>> {
  requireRole(caller, 'admin');
  const emails = [...new Set(body.emails)];
  const ids = [...new Set(body.userIds)];
  const { action } = body;
  if (
    action !== 'reinstate' &&
    (ids.includes(caller.id) || (caller.email !== null && emails.includes(caller.email)))
  )
    throw new AppError('FORBIDDEN', `You cannot ${action} yourself; ask another admin. Nothing was changed.`);
  const now = ctx.clock();
  return writeTransaction(ctx.store, async (tx) => {
    const found = await findUsersByEmailsOrIds(tx, emails, ids);
    const byEmail = new Map(found.filter((u) => u.email !== null).map((u) => [u.email!, u]));
    const byId = new Map(found.map((u) => [u.id, u]));
    const decided = new Map<number, [Outcome, boolean]>();
    for (const u of found) decided.set(u.id, outcomeFor(action, u));
    const changed = [...decided].filter(([, [, change]]) => change).map(([id]) => id);
    let locksReleased = 0;
    if (action === 'reinstate') await setStatusOf(tx, changed, { status: 'active' });
    else {
      const offboard = action === 'offboard';
      await setStatusOf(tx, changed, { status: 'suspended', ...(offboard ? { offboardedAt: now } : {}) });
      locksReleased = await endAccess(tx, changed, now, offboard);
    }
    await auditStatusChanges(tx, caller, action, found, changed, now);
    const result = (target: string, u: UserRow | undefined) => ({
      target,
      userId: u?.id ?? null,
      outcome: u ? decided.get(u.id)![0] : ('not_found' as const),
    });
    return {
      action,
      results: [
        ...emails.map((e) => result(e, byEmail.get(e))),
        ...ids.map((id) => result(String(id), byId.get(id))),
      ],
      changed: changed.length,
      locksReleased,
    };
  });
}
