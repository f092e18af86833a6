/**
 * The access matrix's cases for the roster (docs/roster.md): admins and managers read everyone's,
 * a project manager the members of the projects they manage; anyone else is refused. A project
 * narrows it: not found for a project manager who does not see it.
 */
import type { OperationId } from '../../core/api/routes.ts';
import { type Case, signedIn } from './access-world.ts';

const refused = { reviewer: 'FORBIDDEN', annotator: 'FORBIDDEN', outsider: 'FORBIDDEN' } as const;
const cases = (): Case[] => [
  {
    target: 'everyone in scope',
    build: () => ({ query: {} }),
    expect: signedIn({ admin: 200, manager: 200, projectManager: 200, ...refused }),
  },
  {
    target: 'project A',
    build: (w) => ({ query: { project: String(w.projectA), status: 'active' } }),
    expect: signedIn({ admin: 200, manager: 200, projectManager: 200, ...refused }),
  },
  {
    target: 'project B',
    build: (w) => ({ query: { project: String(w.projectB) } }),
    expect: signedIn({ admin: 200, manager: 200, projectManager: 'NOT_FOUND', ...refused }),
  },
];

export const rosterCases = {
  roster: cases(),
  rosterCsv: cases(),
} satisfies Partial<Record<OperationId, Case[]>>;
