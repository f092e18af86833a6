import { detectFormat } from '../../core/codecs/items.ts';
import { requireManage } from '../access.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { Handlers } from '../http/register.ts';
import { findProject } from '../projects/projects.repository.ts';
import { exportItems } from './export.service.ts';
import { importStream } from './import.service.ts';
import * as items from './items.service.ts';

export const itemHandlers = (ctx: AppContext) =>
  ({
    importItems: async ({ caller, params, query, req }) => {
      await requireManage(ctx.store.db, caller, params.projectId);
      const project = await findProject(ctx.store.db, params.projectId);
      if (!project) throw notFound('project');
      const format = query.format ?? detectFormat(req.headers['content-type']);
      if (!format) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Send Content-Type application/x-ndjson (JSONL) or text/csv, or add ?format=jsonl|csv.',
        );
      }
      return importStream(ctx, {
        project,
        importedBy: caller.id,
        source: req.raw,
        format,
        skipInvalid: query.skipInvalid,
      });
    },
    listItems: ({ caller, params, query }) => items.listItems(ctx, caller, params.projectId, query),
    getItem: ({ caller, params }) => items.getItem(ctx, caller, params.itemId),
    annotationHistory: ({ caller, params }) => items.annotationHistory(ctx, caller, params.annotationId),
    exportItems: ({ caller, params }) => exportItems(ctx, caller, params.projectId),
  }) satisfies Partial<Handlers>;
