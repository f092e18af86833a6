import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { annotationHistory } from './annotations.service.ts';

export const annotationHandlers = (ctx: AppContext) =>
  ({
    annotationHistory: ({ caller, params }) => annotationHistory(ctx, caller, params.annotationId),
  }) satisfies Partial<Handlers>;
