import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { exportItems } from './exports.service.ts';

export const exportHandlers = (ctx: AppContext) =>
  ({
    exportItems: ({ caller, params }) => exportItems(ctx, caller, params.projectId),
  }) satisfies Partial<Handlers>;
