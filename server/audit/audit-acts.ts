import type { Caller } from '../context.ts';
import type { Tx } from '../db/transaction.ts';
import { findProject, type ProjectRow } from '../projects/projects.repository.ts';
import type { UserRow } from '../users/users.repository.ts';
import { type AuditEntry, appendAudit, appendAuditMany } from './audit.repository.ts';
import { changedValues, clipped, isoOrNull, projectSettingsOf } from './audit-diff.ts';
import { emailOf, membershipOf } from './audit-read.repository.ts';

/**
 * The entries of acts that change several things at once, each written inside the act's
 * transaction (docs/audit.md): one entry per kind of change, only for what changed.
 */

type Actor = Pick<Caller, 'id' | 'email' | 'name'> | null;

/** An admin's edit of an account (PATCH /api/users/{id}): name, role, contract window, status. */
export async function auditUserUpdate(
  tx: Tx,
  actor: Actor,
  user: UserRow,
  body: {
    name?: string | undefined;
    role?: string | undefined;
    status?: string | undefined;
    contractStart?: number | null | undefined;
    contractEnd?: number | null | undefined;
  },
  now: number,
): Promise<void> {
  const target = { targetType: 'user', targetId: user.id, targetEmail: user.email };
  const entries: AuditEntry[] = [];
  const one = (action: string, before: Record<string, unknown>, after: Record<string, unknown>) => {
    const diff = changedValues(before, after);
    if (diff) entries.push({ action, ...target, ...diff });
  };
  if (body.name !== undefined) one('user.name', { name: user.name }, { name: body.name });
  if (body.role !== undefined) one('user.role', { role: user.role }, { role: body.role });
  const start = body.contractStart === undefined ? user.contractStart : body.contractStart;
  const end = body.contractEnd === undefined ? user.contractEnd : body.contractEnd;
  one(
    'user.contract',
    { contractStart: isoOrNull(user.contractStart), contractEnd: isoOrNull(user.contractEnd) },
    { contractStart: isoOrNull(start), contractEnd: isoOrNull(end) },
  );
  if (body.status !== undefined && body.status !== user.status)
    one(
      body.status === 'suspended' ? 'user.suspend' : 'user.reinstate',
      { status: user.status },
      { status: body.status },
    );
  for (const e of entries) await appendAudit(tx, actor, e, now);
}

/**
 * A project's change (PATCH /api/projects/{id}), read back in the same transaction: its settings
 * (the changed ones only) as `project.settings`, a new interface version as `project.interface`.
 */
export async function auditProjectUpdate(
  tx: Tx,
  actor: Actor,
  before: ProjectRow,
  now: number,
): Promise<void> {
  const after = await findProject(tx, before.id);
  if (!after) return;
  const target = { targetType: 'project', targetId: before.id, projectId: before.id };
  const diff = changedValues(projectSettingsOf(before), projectSettingsOf(after));
  if (diff) await appendAudit(tx, actor, { action: 'project.settings', ...target, ...diff }, now);
  if (after.interfaceVersion !== before.interfaceVersion)
    await appendAudit(
      tx,
      actor,
      {
        action: 'project.interface',
        ...target,
        before: { interfaceVersion: before.interfaceVersion },
        after: { interfaceVersion: after.interfaceVersion },
      },
      now,
    );
}

/**
 * A membership's change, given the role before (null: not a member) and after (null: removed):
 * `member.add`, `member.role` or `member.remove`; nothing when the role stays.
 */
export async function auditMembership(
  tx: Tx,
  actor: Actor,
  m: { projectId: number; userId: number; before: string | null; after: string | null },
  now: number,
  action?: string,
): Promise<void> {
  if (m.before === m.after) return;
  const kind = m.before === null ? 'member.add' : m.after === null ? 'member.remove' : 'member.role';
  await appendAudit(
    tx,
    actor,
    {
      action: action ?? kind,
      targetType: 'member',
      targetId: m.userId,
      targetEmail: await emailOf(tx, m.userId),
      projectId: m.projectId,
      before: m.before === null ? null : { role: m.before },
      after: m.after === null ? null : { role: m.after },
    },
    now,
  );
}

export { membershipOf };

/** A bulk status change (POST /api/users/status): one entry per user it changed (of those found). */
export async function auditStatusChanges(
  tx: Tx,
  actor: Actor,
  action: 'suspend' | 'offboard' | 'reinstate',
  found: readonly UserRow[],
  changed: readonly number[],
  now: number,
): Promise<void> {
  const ids = new Set(changed);
  const users = found.filter((u) => ids.has(u.id));
  const after =
    action === 'reinstate'
      ? { status: 'active' }
      : action === 'offboard'
        ? { status: 'suspended', offboardedAt: isoOrNull(now) }
        : { status: 'suspended' };
  const entries = users.map(
    (u): AuditEntry => ({
      action: `user.${action}`,
      targetType: 'user',
      targetId: u.id,
      targetEmail: u.email,
      before:
        action === 'offboard'
          ? { status: u.status, offboardedAt: isoOrNull(u.offboardedAt) }
          : { status: u.status },
      after,
    }),
  );
  await appendAuditMany(tx, actor, entries, now);
}

/** A new project (created, or duplicated: `extra` names the source), with its settings. */
export async function auditProjectCreate(
  tx: Tx,
  actor: Actor,
  project: ProjectRow,
  now: number,
  extra?: { duplicateOf: number; items: boolean },
): Promise<void> {
  const settings = Object.entries(projectSettingsOf(project)).map(([k, v]) => [k, clipped(v)]);
  const after = { ...Object.fromEntries(settings), ...extra };
  const target = { targetType: 'project', targetId: project.id, projectId: project.id };
  await appendAudit(
    tx,
    actor,
    { action: extra ? 'project.duplicate' : 'project.create', ...target, after },
    now,
  );
}

/**
 * A model connection's change as its API view shows it (never the key: `hasApiKey`, and on an
 * update `apiKey: 'replaced' | 'removed'` when one was sent): created (`before` null), changed (the
 * changed keys), deleted (`after` null).
 */
export async function auditConnection(
  tx: Tx,
  actor: Actor,
  action: 'model.create' | 'model.update' | 'model.delete',
  before: { id: number } | null,
  after: { id: number } | null,
  now: number,
): Promise<void> {
  const view = (c: object | null): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(c ?? {}).filter(([k]) => !['id', 'createdAt', 'updatedAt'].includes(k)),
    );
  const [b, a] = [view(before), view(after)];
  const target = { targetType: 'model_connection', targetId: (before ?? after)!.id };
  if (action !== 'model.update') {
    await appendAudit(tx, actor, { action, ...target, before: before && b, after: after && a }, now);
    return;
  }
  // A key sent is recorded as replaced or removed, never with a before value.
  const { apiKey, ...settings } = a;
  const diff = changedValues(b, settings);
  if (!diff && apiKey === undefined) return;
  const changed = { ...diff?.after, ...(apiKey === undefined ? {} : { apiKey }) };
  await appendAudit(tx, actor, { action, ...target, before: diff?.before ?? {}, after: changed }, now);
}
