import type { Caller } from '../context.ts';
import type { Tx } from '../db/transaction.ts';

/** What an administrative act did (docs/audit.md). */
export interface AuditEntry {
  /** Dotted verb, e.g. `user.role`, `user.suspend`, `skill.grant`, `project.settings`, `export.run`. */
  action: string;
  targetType:
    | 'user'
    | 'project'
    | 'member'
    | 'skill'
    | 'invite'
    | 'token'
    | 'model_connection'
    | 'export'
    | string;
  targetId?: string | number | null;
  /** The target user's email, where the target is (or concerns) a user. */
  targetEmail?: string | null;
  projectId?: number | null;
  /** The values before and after; JSON-serialisable, never a secret. */
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the audit log inside the transaction of the act it records, so the act
 * and its entry commit or roll back together. `actor` null: the system (a just-in-time account,
 * a contract ending on its own).
 */
export async function appendAudit(
  tx: Tx,
  actor: Pick<Caller, 'id' | 'email' | 'name'> | null,
  entry: AuditEntry,
  now: number,
): Promise<void> {
  await tx
    .insertInto('auditLog')
    .values(rowOf(actor, entry, now))
    .execute();
}

/** Rows per multi-row insert: 11 values each, well under SQLite's 32,766 bound parameters. */
const MANY = 500;

/** appendAudit for many entries at once (a bulk act: one entry per user), in a few statements. */
export async function appendAuditMany(
  tx: Tx,
  actor: Pick<Caller, 'id' | 'email' | 'name'> | null,
  entries: readonly AuditEntry[],
  now: number,
): Promise<void> {
  for (let i = 0; i < entries.length; i += MANY) {
    await tx
      .insertInto('auditLog')
      .values(entries.slice(i, i + MANY).map((e) => rowOf(actor, e, now)))
      .execute();
  }
}

function rowOf(actor: Pick<Caller, 'id' | 'email' | 'name'> | null, entry: AuditEntry, now: number) {
  return {
    at: now,
    actorId: actor?.id ?? null,
    actorLabel: actor ? (actor.email ?? actor.name) : null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    targetEmail: entry.targetEmail ?? null,
    projectId: entry.projectId ?? null,
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
  };
}
