import type { z } from 'zod';
import { INVITE_DEFAULT_HOURS } from '../../core/api/invites.ts';
import type { ImportUsersResult } from '../../core/api/user-import.ts';
import { type LineError, lineErrorPath, MAX_IMPORT_BYTES, readUsersCsv } from '../../core/users-csv.ts';
import { requireRole } from '../access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { type Tx, writeTransaction } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { issueInvite } from '../invites/invite-links.ts';
import { acceptInvitations } from '../projects/invitations.repository.ts';
import { upsertMember } from '../projects/members.repository.ts';
import { grantSkills } from '../skills/user-skills.repository.ts';
import { type Planned, planImport } from './import-plan.ts';
import { insertUser, updateUserRow } from './users.repository.ts';

type Result = z.input<typeof ImportUsersResult>;

/** Every problem of the file at once, each naming its line and column; nothing was changed. */
function refuse(errors: LineError[]): never {
  const details = errors.map((e) => ({ path: lineErrorPath(e), message: e.message }));
  const first = details[0]!;
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  throw new AppError(
    'VALIDATION_FAILED',
    `${first.path}: ${first.message}${more}; nothing was imported.`,
    details,
  );
}

/**
 * Creates and updates accounts from CSV (docs/onboarding.md), admins only. The whole file is
 * checked first and every problem reported; then, unless `dryRun`, every line is applied in one
 * transaction (planned again inside it, so the plan is the store's at that moment), with one
 * `user.import` audit entry per changed account. Each account made gets a single-use invite link
 * to set its password (or sign in with single sign-on), returned once.
 */
export async function importUsers(
  ctx: AppContext,
  caller: Caller,
  input: { csv: string; dryRun: boolean },
  origin: string,
): Promise<Result> {
  requireRole(caller, 'admin');
  const bytes = Buffer.byteLength(input.csv, 'utf8');
  if (bytes > MAX_IMPORT_BYTES)
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      `The CSV has ${bytes} bytes; at most ${MAX_IMPORT_BYTES} (1 MiB) in one import: split it.`,
    );
  const read = await readUsersCsv(input.csv);
  const check = (errors: LineError[]) => {
    const all = [...read.errors, ...errors].sort((a, b) => a.line - b.line);
    if (all.length > 0) refuse(all);
  };
  if (input.dryRun) {
    const { planned, errors } = await planImport(ctx.store.db, caller, read.lines);
    check(errors);
    return summary(planned, new Map(), { dryRun: true, expiresAt: null });
  }
  const expiresAt = ctx.clock() + INVITE_DEFAULT_HOURS * 3600_000;
  return writeTransaction(ctx.store, async (tx) => {
    const { planned, errors } = await planImport(tx, caller, read.lines);
    check(errors);
    const links = new Map<number, string>();
    for (const p of planned) {
      const made = await applyLine(ctx, tx, caller, p, expiresAt, origin);
      if (made) {
        links.set(p.plan.line, made.url);
        p.plan.userId = made.userId;
      }
    }
    return summary(planned, links, { dryRun: false, expiresAt: links.size > 0 ? expiresAt : null });
  });
}

function summary(
  planned: Planned[],
  links: Map<number, string>,
  opts: { dryRun: boolean; expiresAt: number | null },
): Result {
  const count = (action: string) => planned.filter((p) => p.plan.action === action).length;
  return {
    dryRun: opts.dryRun,
    applied: !opts.dryRun,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    inviteExpiresAt: opts.expiresAt === null ? null : iso(opts.expiresAt),
    lines: planned.map((p) => ({ ...p.plan, inviteUrl: links.get(p.plan.line) ?? null })),
  };
}

/** Applies one line's plan inside the import's transaction; for an account it made, its id and invite link. */
async function applyLine(
  ctx: AppContext,
  tx: Tx,
  caller: Caller,
  p: Planned,
  expiresAt: number,
  origin: string,
): Promise<{ userId: number; url: string } | undefined> {
  const { plan } = p;
  if (plan.action === 'unchanged') return undefined;
  const now = ctx.clock();
  let userId = p.user?.id;
  if (userId === undefined) {
    const made = await insertUser(tx, { email: plan.email, name: p.name, role: p.role, passwordHash: null });
    userId = made.id;
    await acceptInvitations(tx, made);
  }
  await updateUserRow(tx, userId, {
    ...(plan.name ? { name: p.name } : {}),
    ...(plan.role ? { role: p.role } : {}),
    ...(plan.contractStart ? { contractStart: p.contractStart } : {}),
    ...(plan.contractEnd ? { contractEnd: p.contractEnd } : {}),
  });
  await grantSkills(tx, {
    userId,
    skills: plan.skills.map((s) => ({ skill: s.skill, level: s.to })),
    source: 'import',
    grantedBy: caller.id,
    now,
  });
  for (const m of plan.memberships)
    await upsertMember(tx, { projectId: m.projectId, userId, role: m.to, addedAt: now });
  const side = (pick: 'from' | 'to') => ({
    ...Object.fromEntries(
      (['name', 'role', 'contractStart', 'contractEnd'] as const)
        .filter((k) => plan[k])
        .map((k) => [k, plan[k]![pick]]),
    ),
    skills: Object.fromEntries(plan.skills.map((s) => [s.skill, s[pick]])),
    memberships: Object.fromEntries(plan.memberships.map((m) => [m.projectId, m[pick]])),
  });
  await appendAudit(
    tx,
    caller,
    {
      action: 'user.import',
      targetType: 'user',
      targetId: userId,
      targetEmail: plan.email,
      before: plan.action === 'create' ? null : side('from'),
      after: side('to'),
    },
    now,
  );
  if (plan.action !== 'create') return undefined;
  const link = await issueInvite(
    ctx,
    tx,
    caller,
    {
      email: plan.email,
      userId,
      role: p.role,
      skills: {},
      projects: [],
      contractStart: null,
      contractEnd: null,
      expiresAt,
    },
    origin,
  );
  return { userId, url: link.url };
}
