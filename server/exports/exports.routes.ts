import { originOf } from '../auth/origin.ts';
import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { exportItems } from './exports.service.ts';
import { itemSubtitles } from './subtitles.service.ts';

export const exportHandlers = (ctx: AppContext) =>
  ({
    exportItems: ({ caller, params, query, req }) =>
      exportItems(ctx, caller, params.projectId, query, originOf(req, ctx.publicOrigin)),
    itemSubtitles: ({ caller, params, query }) => itemSubtitles(ctx, caller, params.itemId, query),
  }) satisfies Partial<Handlers>;
