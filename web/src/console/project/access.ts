import { ApiError } from '../../../../core/api/client-errors.ts';
import type { Role } from '../../../../core/api/users.ts';
import { call } from '../../api/client.ts';

export interface ProjectAccess {
  /** Settings, members, import. */
  manage: boolean;
  /** Every item and everyone's annotations, export. */
  viewAll: boolean;
  /** A member who can take items (shown "Start annotating"). */
  member: boolean;
}

/**
 * What the signed-in user may do in a project, mirroring server/access.ts: admins and managers
 * everything; others by their membership role, which the member list reveals to those who may
 * see it (annotators are refused the list, which is itself the answer).
 */
export async function loadAccess(
  user: { id: number; role: Role },
  projectId: number,
  signal: AbortSignal,
): Promise<ProjectAccess> {
  if (user.role === 'admin' || user.role === 'manager') return { manage: true, viewAll: true, member: false };
  try {
    const members = await call('listMembers', { params: { projectId }, signal });
    const role = members?.items.find((m) => m.userId === user.id)?.role;
    const manage = role === 'manager' || role === 'admin';
    return { manage, viewAll: true, member: true };
  } catch (err) {
    if (err instanceof ApiError && err.code === 'FORBIDDEN')
      return { manage: false, viewAll: false, member: true };
    throw err;
  }
}

export const tabs = [
  { id: 'overview', label: 'Overview', needs: 'any' },
  { id: 'items', label: 'Items', needs: 'viewAll' },
  { id: 'dashboards', label: 'Dashboards', needs: 'viewAll' },
  { id: 'import', label: 'Import', needs: 'manage' },
  { id: 'members', label: 'Members', needs: 'viewAll' },
  { id: 'export', label: 'Export', needs: 'viewAll' },
  { id: 'interface', label: 'Interface', needs: 'manage' },
  { id: 'settings', label: 'Settings', needs: 'manage' },
] as const;
export type TabId = (typeof tabs)[number]['id'];

export const visibleTabs = (a: ProjectAccess) =>
  tabs.filter((t) => t.needs === 'any' || (t.needs === 'manage' ? a.manage : a.viewAll));
