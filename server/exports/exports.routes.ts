import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { exportItems } from './exports.service.ts';

export const exportHandlers = (ctx: AppContext) =>
  ({
    exportItems: ({ caller, params, query }) => exportItems(ctx, caller, params.projectId, query),
  }) satisfies Partial<Handlers>;
