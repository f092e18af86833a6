import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as gold from './gold.service.ts';

export const goldHandlers = (ctx: AppContext) =>
  ({
    goldReport: ({ caller, params, query }) => gold.goldReport(ctx, caller, params.projectId, query),
    liftGoldPause: ({ caller, params }) => gold.liftGoldPause(ctx, caller, params.projectId, params.userId),
    markGoldAnswer: ({ caller, params, body }) => gold.markGoldAnswer(ctx, caller, params.projectId, body),
  }) satisfies Partial<Handlers>;
