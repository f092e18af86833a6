import { ProjectParams } from './common.ts';
import { MetricsQuery, MetricsReport } from './quality.ts';
import { route } from './route.ts';

/** A project's agreement report (docs/quality.md). */
export const qualityRoutes = {
  projectMetrics: route({
    operationId: 'projectMetrics',
    method: 'GET',
    path: '/api/projects/{projectId}/metrics',
    summary: 'Agreement per question and per annotator (managers, reviewers)',
    tag: 'quality',
    auth: 'user',
    params: ProjectParams,
    query: MetricsQuery,
    response: MetricsReport,
  }),
} as const;
