import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { importItems } from './imports.service.ts';

export const importHandlers = (ctx: AppContext) =>
  ({
    importItems: ({ caller, params, query, req }) =>
      importItems(ctx, caller, params.projectId, {
        source: req.raw,
        contentType: req.headers['content-type'],
        format: query.format,
        skipInvalid: query.skipInvalid,
      }),
  }) satisfies Partial<Handlers>;
