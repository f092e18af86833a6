import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import {
  adjudicationQueue,
  decideAdjudication,
  getAdjudication,
  nextAdjudication,
  releaseAdjudication,
} from './adjudication.service.ts';

export const adjudicationHandlers = (ctx: AppContext) =>
  ({
    adjudicationQueue: ({ caller, params, query }) => adjudicationQueue(ctx, caller, params.projectId, query),
    nextAdjudication: ({ caller, params }) => nextAdjudication(ctx, caller, params.projectId),
    getAdjudication: ({ caller, params }) => getAdjudication(ctx, caller, params),
    decideAdjudication: ({ caller, params, body }) => decideAdjudication(ctx, caller, params, body),
    releaseAdjudication: ({ caller, params, body }) => releaseAdjudication(ctx, caller, params, body),
  }) satisfies Partial<Handlers>;
