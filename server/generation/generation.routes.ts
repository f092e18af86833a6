import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { startGeneration } from './generation.service.ts';

export const generationHandlers = (ctx: AppContext) =>
  ({
    generateCandidates: ({ caller, params, body }) => startGeneration(ctx, caller, params.projectId, body),
  }) satisfies Partial<Handlers>;
