import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import * as judges from './judge.service.ts';
import { judgeReport } from './judge-report.service.ts';

export const judgeHandlers = (ctx: AppContext) =>
  ({
    listConnectionChoices: ({ caller, params }) => judges.connectionChoices(ctx, caller, params.projectId),
    listJudges: ({ caller, params }) => judges.listJudges(ctx, caller, params.projectId),
    judgeReport: ({ caller, params, query }) => judgeReport(ctx, caller, params.projectId, query),
    addJudge: ({ caller, params, body }) => judges.addJudge(ctx, caller, params.projectId, body),
    runJudge: ({ caller, params, body }) =>
      judges.runJudge(ctx, caller, params.projectId, params.userId, body),
    suggest: ({ caller, params, body }) => judges.suggest(ctx, caller, params.projectId, body),
  }) satisfies Partial<Handlers>;
