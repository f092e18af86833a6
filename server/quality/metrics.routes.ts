import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as metrics from './metrics.service.ts';

export const metricsHandlers = (ctx: AppContext) =>
  ({
    projectMetrics: ({ caller, params, query }) =>
      metrics.projectMetrics(ctx, caller, params.projectId, query),
  }) satisfies Partial<Handlers>;
