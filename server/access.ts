import { adjudicationOf } from './adjudication/adjudication-setting.ts';
import type { Caller } from './context.ts';
import type { Db } from './db/transaction.ts';
import { forbidden, notFound } from './http/errors.ts';
import { findProjectWithMembership } from './projects/members.repository.ts';
import type { ProjectRow } from './projects/projects.repository.ts';

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
export async function projectAccess(db: Db, caller: Caller, projectId: number): Promise<ProjectAccess> {
  return (await projectWithAccess(db, caller, projectId)).access;
}

/** projectAccess and the project row, in one query: the work routes need both on every request. */
export async function projectWithAccess(
  db: Db,
  caller: Caller,
  projectId: number,
): Promise<{ project: ProjectRow; access: ProjectAccess }> {
  const row = await findProjectWithMembership(db, projectId, caller.id);
  if (!row) throw notFound('project');
  const { memberRole, ...project } = row;
  return { project, access: accessOf(caller, memberRole) };
}

/** The access a caller's account role and project membership (or none) give; not found if none. */
export function accessOf(caller: Caller, memberRole: string | null): ProjectAccess {
  if (caller.role === 'admin' || caller.role === 'manager') return { manage: true, viewAll: true };
  if (!memberRole) throw notFound('project');
  const manage = memberRole === 'manager' || memberRole === 'admin';
  return { manage, viewAll: manage || memberRole === 'reviewer' };
}

export async function requireManage(db: Db, caller: Caller, projectId: number): Promise<void> {
  const access = await projectAccess(db, caller, projectId);
  if (!access.manage) throw forbidden('Only project managers can do this.');
}

/**
 * Who may review a project's work: those who see all of it (admins, managers, the project's
 * managers and reviewers) and members whose account role is reviewer. Returns the project.
 */
export async function requireReview(db: Db, caller: Caller, projectId: number): Promise<ProjectRow> {
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (!access.viewAll && caller.role !== 'reviewer')
    throw forbidden('Only reviewers and managers can review.');
  return project;
}

/**
 * Whether the caller sees every item of the project and everyone's work on it: those who see all
 * of it, those who may review it (members whose account role is reviewer) and its named
 * adjudicators. The item routes and its media follow this, so a reviewer can hear what they review.
 */
export function seesEveryItem(project: ProjectRow, caller: Caller, access: ProjectAccess): boolean {
  return (
    access.viewAll ||
    caller.role === 'reviewer' ||
    (adjudicationOf(project)?.adjudicators.includes(caller.id) ?? false)
  );
}

/**
 * Who may adjudicate a project's disputed items (docs/quality.md, "Adjudication"): those who manage
 * it (admins, managers, the project's managers and admins) and the members its adjudication
 * setting names. Whether they annotated the item is checked per item. Returns the project.
 */
export async function requireAdjudicate(db: Db, caller: Caller, projectId: number): Promise<ProjectRow> {
  const { project, access } = await projectWithAccess(db, caller, projectId);
  if (access.manage) return project;
  if (adjudicationOf(project)?.adjudicators.includes(caller.id)) return project;
  throw forbidden("Only the project's managers and adjudicators can adjudicate.");
}
