import type { AppContext } from '../context.ts';
import type { Handlers } from '../http/register.ts';
import { getItemMedia, importMediaUrl, uploadMedia } from './media.service.ts';
import { listMedia } from './media-list.service.ts';
import { getItemMediaPeaks } from './peaks.service.ts';
import { reprobeMedia } from './reprobe.service.ts';

const lengthOf = (header: string | undefined): number | undefined =>
  header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined;

export const mediaHandlers = (ctx: AppContext) =>
  ({
    uploadMedia: ({ caller, params, query, req }) =>
      uploadMedia(ctx, caller, params.projectId, {
        source: req.raw,
        contentLength: lengthOf(req.headers['content-length']),
        name: query.name,
      }),
    importMediaUrl: ({ caller, params, body }) => importMediaUrl(ctx, caller, params.projectId, body),
    listMedia: ({ caller, params, query }) => listMedia(ctx, caller, params.projectId, query),
    reprobeMedia: ({ caller, params, body }) => reprobeMedia(ctx, caller, params.projectId, body),
    getItemMedia: ({ caller, params, req }) => getItemMedia(ctx, caller, params, req.headers.range),
    getItemMediaPeaks: ({ caller, params, query, req }) =>
      getItemMediaPeaks(ctx, caller, params, query, req.headers['if-none-match']),
  }) satisfies Partial<Handlers>;
