import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { completeSetup, setupStatus } from './setup.service.ts';

export const setupHandlers = (ctx: AppContext) =>
  ({
    setupStatus: () => setupStatus(ctx),
    completeSetup: ({ body, req, reply }) => completeSetup(ctx, { body, clientAddress: req.ip, reply }),
  }) satisfies Partial<Handlers>;
