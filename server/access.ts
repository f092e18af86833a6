import type { Caller } from './context.ts';
import type { Tx } from './db/transaction.ts';
import { forbidden, notFound } from './http/errors.ts';

export type Role = Caller['role'];

export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
}

/** What a caller may do in one project. */
export interface ProjectAccess {
  /** Change settings, members, import, export. */
  manage: boolean;
  /** See every item and everyone's annotations. */
  viewAll: boolean;
}

/**
 * Admins and managers see every project. Everyone else needs a membership, whose role decides
 * the rest. A project the caller cannot see is reported as not found, never as forbidden, so ids
 * of other projects reveal nothing.
 */
export async function projectAccess(db: Tx, caller: Caller, projectId: number): Promise<ProjectAccess> {
  const project = await db.selectFrom('projects').select('id').where('id', '=', projectId).executeTakeFirst();
  if (!project) throw notFound('project');
  if (caller.role === 'admin' || caller.role === 'manager') return { manage: true, viewAll: true };
  const member = await db
    .selectFrom('projectMembers')
    .select('role')
    .where('projectId', '=', projectId)
    .where('userId', '=', caller.id)
    .executeTakeFirst();
  if (!member) throw notFound('project');
  const manage = member.role === 'manager' || member.role === 'admin';
  return { manage, viewAll: manage || member.role === 'reviewer' };
}

export async function requireManage(db: Tx, caller: Caller, projectId: number): Promise<void> {
  const access = await projectAccess(db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can do this.');
}
