/**
 * The access matrix's cases for the audit log (docs/audit.md, "Who reads it"): admins read every
 * entry, managers those of every project, project managers those of the projects they manage;
 * reviewers and annotators who manage nothing are refused.
 */
import type { OperationId } from '../../core/api/routes.ts';
import { type Case, type Kind, type Secret, signedIn } from './access-world.ts';

const readers = signedIn({
  admin: 200,
  manager: 200,
  projectManager: 200,
  reviewer: 'FORBIDDEN',
  annotator: 'FORBIDDEN',
  outsider: 'FORBIDDEN',
});
/** The projects' creation entries carry their names: each reader sees those of the projects it reads. */
const names = (kind: Kind): Secret[] =>
  kind === 'admin' || kind === 'manager' ? ['A_NAME', 'B_NAME'] : ['A_NAME'];

const cases = (query: Record<string, string> = {}): Case[] => [
  {
    target: 'the whole log',
    build: () => ({ query: { ...query, limit: '500' } }),
    expect: readers,
    shows: names,
  },
  {
    target: 'project B (outside a project manager’s scope: nothing of it shows)',
    build: (w) => ({ query: { ...query, limit: '500', project: String(w.projectB) } }),
    expect: readers,
    shows: (kind) => (kind === 'projectManager' ? [] : ['B_NAME']),
  },
];

export const auditCases = {
  listAudit: cases(),
  exportAudit: [...cases(), ...cases({ format: 'csv' })],
} satisfies Partial<Record<OperationId, Case[]>>;
