import type { z } from 'zod';
import type { Invite, InviteGrant, InviteStatus } from '../../core/api/invites.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { keyedHash, newSecret } from '../auth/crypto.ts';
import { type AppContext, type Caller, iso, isoOrNull } from '../context.ts';
import type { Tx } from '../db/transaction.ts';
import { AppError } from '../http/errors.ts';
import { upsertMember } from '../projects/members.repository.ts';
import { grantSkills } from '../skills/user-skills.repository.ts';
import { type InviteRow, insertInvite, namesFor } from './invites.repository.ts';

/** The web app's page for an invite; the token follows in the fragment, which browsers never send. */
export const INVITE_PAGE = '/invite';

export type MemberRole = InviteRow['role'];
export interface InviteProjectPreset {
  projectId: number;
  role: MemberRole;
}
/** What an invite sets on the account it brings in. */
export interface InvitePresets {
  role: MemberRole;
  skills: Record<string, number>;
  projects: InviteProjectPreset[];
  contractStart: number | null;
  contractEnd: number | null;
}

export const skillsOf = (row: InviteRow): Record<string, number> => JSON.parse(row.skills);
export const projectsOf = (row: InviteRow): InviteProjectPreset[] => JSON.parse(row.projects);

export function statusOf(row: InviteRow, now: number): z.infer<typeof InviteStatus> {
  if (row.usedAt !== null) return 'used';
  if (row.revokedAt !== null) return 'revoked';
  return row.expiresAt <= now ? 'expired' : 'pending';
}

/** Why the invite cannot be used at `now`, or null when it can. */
export function inviteRefusal(row: InviteRow, now: number): AppError | null {
  const status = statusOf(row, now);
  if (status === 'used') return new AppError('INVITE_USED');
  if (status === 'revoked') return new AppError('INVITE_REVOKED');
  if (status === 'expired')
    return new AppError(
      'INVITE_EXPIRED',
      `This invite link expired at ${iso(row.expiresAt)}; ask for a new one.`,
    );
  return null;
}

/** What the invite grants, as the API shows it (project names from `names`). */
export function grantOf(row: InviteRow, projectNames: Map<number, string>): z.input<typeof InviteGrant> {
  return {
    role: row.role,
    skills: skillsOf(row),
    projects: projectsOf(row)
      .filter((p) => projectNames.has(p.projectId))
      .map((p) => ({ ...p, name: projectNames.get(p.projectId)! })),
    contractStart: isoOrNull(row.contractStart),
    contractEnd: isoOrNull(row.contractEnd),
  };
}

/** Invites as the API lists them, with the names of their makers and projects. */
export async function toInvites(ctx: AppContext, rows: InviteRow[]): Promise<z.input<typeof Invite>[]> {
  const names = await namesFor(
    ctx.store.db,
    rows.map((r) => r.createdBy),
    rows.flatMap((r) => projectsOf(r).map((p) => p.projectId)),
  );
  const now = ctx.clock();
  return rows.map((r) => ({
    ...grantOf(r, names.projects),
    id: r.id,
    email: r.email,
    status: statusOf(r, now),
    forImportedAccount: r.userId !== null,
    createdBy: { id: r.createdBy, name: names.users.get(r.createdBy) ?? '' },
    createdAt: iso(r.createdAt),
    expiresAt: iso(r.expiresAt),
    usedAt: isoOrNull(r.usedAt),
    usedBy: r.usedBy,
    revokedAt: isoOrNull(r.revokedAt),
  }));
}

/** The audit's view of what an invite grants (never its token). */
export const auditedPresets = (p: InvitePresets) => ({
  role: p.role,
  skills: p.skills,
  projects: p.projects,
  contractStart: isoOrNull(p.contractStart),
  contractEnd: isoOrNull(p.contractEnd),
});

/**
 * Makes an invite link inside the caller's transaction and records `invite.create`: a new random
 * token, of which only the keyed hash is stored (as password reset links). Returns the row and
 * the link, which nobody can see again.
 */
export async function issueInvite(
  ctx: AppContext,
  tx: Tx,
  caller: Caller,
  invite: InvitePresets & { email: string | null; userId: number | null; expiresAt: number },
  origin: string,
): Promise<{ row: InviteRow; url: string }> {
  const token = newSecret('vi');
  const now = ctx.clock();
  const row = await insertInvite(tx, {
    tokenHash: keyedHash(ctx.secret, token),
    email: invite.email,
    userId: invite.userId,
    role: invite.role,
    skills: JSON.stringify(invite.skills),
    projects: JSON.stringify(invite.projects),
    contractStart: invite.contractStart,
    contractEnd: invite.contractEnd,
    createdBy: caller.id,
    createdAt: now,
    expiresAt: invite.expiresAt,
    usedAt: null,
    usedBy: null,
    revokedAt: null,
    revokedBy: null,
  });
  await appendAudit(
    tx,
    caller,
    {
      action: 'invite.create',
      targetType: 'invite',
      targetId: row.id,
      targetEmail: invite.email,
      after: { ...auditedPresets(invite), userId: invite.userId, expiresAt: iso(invite.expiresAt) },
    },
    now,
  );
  return { row, url: `${origin}${INVITE_PAGE}#token=${token}` };
}

/**
 * Gives the user the invite's skills (source `invite`, granted by the invite's maker) and project
 * memberships, inside the accepting transaction. Projects deleted since are passed over.
 */
export async function applyPresets(
  tx: Tx,
  row: InviteRow,
  userId: number,
  existingProjects: ReadonlySet<number>,
  now: number,
): Promise<void> {
  const skills = Object.entries(skillsOf(row)).map(([skill, level]) => ({ skill, level }));
  await grantSkills(tx, { userId, skills, source: 'invite', grantedBy: row.createdBy, now });
  for (const p of projectsOf(row))
    if (existingProjects.has(p.projectId))
      await upsertMember(tx, { projectId: p.projectId, userId, role: p.role, addedAt: now });
}
