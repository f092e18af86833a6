import type { Selectable } from 'kysely';
import type { AuditFilters } from '../../core/api/audit.ts';
import type { AuditLogTable } from '../db/schema-workforce.ts';
import type { Db } from '../db/transaction.ts';

export type AuditRow = Selectable<AuditLogTable>;

/**
 * Which entries a reader may see (docs/audit.md, "Who reads it"): every one (admins), those of any
 * project (`projects: 'any'`, managers), or those of the projects listed (project managers).
 */
export type AuditScope = { all: true } | { all: false; projects: 'any' | readonly number[] };

/** Where a page starts: after this entry, in the newest-first order (at desc, id desc). */
export interface AuditKey {
  at: number;
  id: number;
}

/** The projects a user manages by membership (role manager or admin in the project). */
export async function managedProjectIds(db: Db, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('projectMembers')
    .select('projectId')
    .where('userId', '=', userId)
    .where('role', 'in', ['manager', 'admin'])
    .execute();
  return rows.map((r) => r.projectId);
}

/** A user's email (null: no such user, or none), for an entry's target. */
export async function emailOf(db: Db, userId: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email ?? null;
}

/**
 * A page of entries, newest first (at desc, id desc), matching every filter given and the scope,
 * after `after` when given. The (at, id) index serves both the order and since/until.
 */
export async function auditPage(
  db: Db,
  filters: AuditFilters,
  scope: AuditScope,
  after: AuditKey | null,
  limit: number,
): Promise<AuditRow[]> {
  let q = db.selectFrom('auditLog').selectAll();
  if (!scope.all) {
    const { projects } = scope;
    if (projects === 'any') q = q.where('projectId', 'is not', null);
    else if (projects.length === 0) return [];
    else q = q.where('projectId', 'in', [...projects]);
  }
  if (filters.since !== undefined) q = q.where('at', '>=', filters.since);
  if (filters.until !== undefined) q = q.where('at', '<', filters.until);
  if (filters.project !== undefined) q = q.where('projectId', '=', filters.project);
  if (filters.action !== undefined) {
    const action = filters.action;
    // A prefix ends in a dot; compared as a substring, since `_` would be a LIKE wildcard.
    q = action.endsWith('.')
      ? q.where((eb) => eb(eb.fn('substr', ['action', eb.val(1), eb.val(action.length)]), '=', action))
      : q.where('action', '=', action);
  }
  if (filters.actor !== undefined) {
    const actor = filters.actor;
    if (/^\d+$/.test(actor)) q = q.where('actorId', '=', Number(actor));
    else {
      const email = actor.toLowerCase();
      q = q.where((eb) =>
        eb.or([
          eb('actorLabel', '=', email),
          eb('actorId', 'in', eb.selectFrom('users').select('id').where('email', '=', email)),
        ]),
      );
    }
  }
  if (filters.target !== undefined) {
    const target = filters.target;
    q = q.where((eb) => eb.or([eb('targetId', '=', target), eb('targetEmail', '=', target.toLowerCase())]));
  }
  if (after)
    q = q.where((eb) =>
      eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]),
    );
  return q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** A user's role in a project, or null when they are not a member. */
export async function membershipOf(db: Db, projectId: number, userId: number): Promise<string | null> {
  const row = await db
    .selectFrom('projectMembers')
    .select('role')
    .where('projectId', '=', projectId)
    .where('userId', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}
