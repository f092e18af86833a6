import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { finishSso, ssoInfo, startSso } from './sso.service.ts';

export const ssoHandlers = (ctx: AppContext) =>
  ({
    ssoInfo: async () => ssoInfo(ctx),
    ssoStart: ({ query, req, reply }) => startSso(ctx, req, reply, query.returnTo),
    ssoCallback: ({ req, reply }) => finishSso(ctx, req, reply),
  }) satisfies Partial<Handlers>;
