import type { z } from 'zod';
import type { ImportLinePlan } from './api/user-import.ts';
import { csvDocument } from './csv.ts';

type LinePlan = z.infer<typeof ImportLinePlan>;

const arrow = (from: string | number | null, to: string | number | null) =>
  from === null ? String(to ?? 'none') : `${from} → ${to ?? 'none'}`;

/**
 * What an import line changes, in one line of text (docs/onboarding.md): the CLI's table and the
 * Users page's dry-run table say it the same way. Names are the import's own (people's names are
 * shown by the caller, isolated).
 */
export function changeSummary(line: LinePlan): string {
  const parts: string[] = [];
  if (line.role) parts.push(`role ${arrow(line.role.from, line.role.to)}`);
  if (line.name && line.action !== 'create') parts.push(`name ${arrow(line.name.from, line.name.to)}`);
  if (line.contractStart)
    parts.push(`contract start ${arrow(line.contractStart.from, line.contractStart.to)}`);
  if (line.contractEnd) parts.push(`contract end ${arrow(line.contractEnd.from, line.contractEnd.to)}`);
  if (line.skills.length > 0)
    parts.push(`skills ${line.skills.map((s) => `${s.skill} ${arrow(s.from, s.to)}`).join(', ')}`);
  if (line.memberships.length > 0)
    parts.push(
      `projects ${line.memberships.map((m) => `${m.project} (#${m.projectId}) ${arrow(m.from, m.to)}`).join(', ')}`,
    );
  return parts.join('; ') || 'nothing';
}

/** The invite links of the accounts an import made, as CSV (email, invite_url, expires_at): shown once. */
export function inviteLinksCsv(lines: readonly LinePlan[], expiresAt: string | null): string {
  const rows = lines.filter((l) => l.inviteUrl).map((l) => [l.email, l.inviteUrl!, expiresAt ?? '']);
  return csvDocument([['email', 'invite_url', 'expires_at'], ...rows]);
}
