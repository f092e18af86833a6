/** The access matrix's cases for a project's agreement report: its managers and reviewers only. */
import type { OperationId } from '../../core/api/routes.ts';
import { all, type Case, signedIn } from './access-world.ts';

const viewersOfA = signedIn({ ...all(200), annotator: 'FORBIDDEN', outsider: 'NOT_FOUND' });
const viewersOfB = signedIn({ ...all('NOT_FOUND'), admin: 200, manager: 200 });

export const qualityCases = {
  projectMetrics: [
    { target: 'project A', build: (w) => ({ params: { projectId: w.projectA } }), expect: viewersOfA },
    { target: 'project B', build: (w) => ({ params: { projectId: w.projectB } }), expect: viewersOfB },
  ],
} satisfies Partial<Record<OperationId, Case[]>>;
