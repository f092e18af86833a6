import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as dashboards from './dashboards.service.ts';

export const dashboardHandlers = (ctx: AppContext) =>
  ({
    projectDashboards: ({ caller, params, query }) =>
      dashboards.projectDashboards(ctx, caller, params.projectId, query),
  }) satisfies Partial<Handlers>;
