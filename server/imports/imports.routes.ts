import { detectFormat } from '../../core/codecs/items.ts';
import { requireManage } from '../access.ts';
import type { AppContext } from '../context.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { Handlers } from '../http/register.ts';
import { findProject } from '../projects/projects.repository.ts';
import { importStream } from './imports.service.ts';

export const importHandlers = (ctx: AppContext) =>
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
  }) satisfies Partial<Handlers>;
