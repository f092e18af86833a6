import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { getLiveConnection, liveReply, setLiveConnection } from './live.service.ts';

export const liveHandlers = (ctx: AppContext) =>
  ({
    liveReply: ({ caller, params, body, req, reply }) =>
      liveReply(ctx, caller, params.assignmentId, body, { req, reply }),
    getLiveConnection: ({ caller, params }) => getLiveConnection(ctx, caller, params.projectId),
    setLiveConnection: ({ caller, params, body }) => setLiveConnection(ctx, caller, params.projectId, body),
  }) satisfies Partial<Handlers>;
