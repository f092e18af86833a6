import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as stats from './stats.service.ts';

export const statsHandlers = (ctx: AppContext) =>
  ({
    projectStats: ({ caller, params, query }) => stats.projectStats(ctx, caller, params.projectId, query),
    annotatorStatsCsv: ({ caller, params, query }) =>
      stats.annotatorStatsCsv(ctx, caller, params.projectId, query),
  }) satisfies Partial<Handlers>;
