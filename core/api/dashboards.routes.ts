import { ProjectParams } from './common.ts';
import { Dashboards, DashboardsQuery } from './dashboards.ts';
import { route } from './route.ts';

/** A project's quality dashboards (docs/quality.md, Dashboards). */
export const dashboardRoutes = {
  projectDashboards: route({
    operationId: 'projectDashboards',
    method: 'GET',
    path: '/api/projects/{projectId}/dashboards',
    summary: 'Agreement over time, gold accuracy against throughput, confusion, review outcomes, burndown',
    tag: 'quality',
    auth: 'user',
    params: ProjectParams,
    query: DashboardsQuery,
    response: Dashboards,
  }),
} as const;
