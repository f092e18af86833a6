import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { decideReview, nextReview } from './review.service.ts';

export const reviewHandlers = (ctx: AppContext) =>
  ({
    nextReview: ({ caller, params }) => nextReview(ctx, caller, params.projectId),
    acceptReview: ({ caller, params, body }) =>
      decideReview(ctx, caller, params, { decision: 'accept', body }),
    rejectReview: ({ caller, params, body }) =>
      decideReview(ctx, caller, params, { decision: 'reject', body }),
    fixReview: ({ caller, params, body }) => decideReview(ctx, caller, params, { decision: 'fix', body }),
  }) satisfies Partial<Handlers>;
