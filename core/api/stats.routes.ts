import { ProjectParams } from './common.ts';
import { route } from './route.ts';
import { ProjectStats, StatsQuery } from './stats.ts';

/** A project's progress per person, its answer distributions and its burndown. */
export const statsRoutes = {
  projectStats: route({
    operationId: 'projectStats',
    method: 'GET',
    path: '/api/projects/{projectId}/stats',
    summary:
      'Work per annotator, answer distributions per question, remaining work over time (managers, reviewers)',
    tag: 'stats',
    auth: 'user',
    params: ProjectParams,
    query: StatsQuery,
    response: ProjectStats,
  }),
  annotatorStatsCsv: route({
    operationId: 'annotatorStatsCsv',
    method: 'GET',
    path: '/api/projects/{projectId}/stats/annotators.csv',
    summary: 'The per-annotator table as CSV (managers, reviewers)',
    tag: 'stats',
    auth: 'user',
    params: ProjectParams,
    query: StatsQuery,
    response: null,
    responseKind: 'csv',
  }),
} as const;
