import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as stats from './stats.service.ts';

export const statsHandlers = (ctx: AppContext) =>
  ({
    projectStats: ({ caller, params }) => stats.projectStats(ctx, caller, params.projectId),
    annotatorStatsCsv: ({ caller, params }) => stats.annotatorStatsCsv(ctx, caller, params.projectId),
  }) satisfies Partial<Handlers>;
