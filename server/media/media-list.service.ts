import type { z } from 'zod';
import type { ListMediaQuery, MediaListAnswer } from '../../core/api/media.ts';
import { requireManage } from '../access.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { countProjectMedia, listProjectMedia } from './media.repository.ts';
import { toMediaInfo } from './media-info.ts';

/**
 * A page of the project's media for those who manage it (docs/media.md, "Listing media"): newest
 * first, in one state or all, with the counts of each state. The cursor is the last id shown.
 */
export async function listMedia(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
  query: z.output<typeof ListMediaQuery>,
): Promise<z.input<typeof MediaListAnswer>> {
  await requireManage(ctx.store.db, caller, projectId);
  let before: number | null = null;
  if (query.cursor !== undefined) {
    if (!/^[1-9][0-9]{0,15}$/.test(query.cursor)) {
      const message = 'not a cursor this list gave; pass back the nextCursor of the previous page';
      throw new AppError('VALIDATION_FAILED', `query.cursor: ${message}`, [
        { path: 'query.cursor', message },
      ]);
    }
    before = Number(query.cursor);
  }
  const rows = await listProjectMedia(ctx.store.db, projectId, {
    status: query.status,
    before,
    limit: query.limit,
  });
  const shown = rows.slice(0, query.limit);
  return {
    items: shown.map((r) => {
      const { created: _c, ...info } = toMediaInfo(r, false);
      return { ...info, status: r.status, peaksError: r.peaksError };
    }),
    nextCursor: rows.length > query.limit ? String(shown[shown.length - 1]!.id) : null,
    counts: await countProjectMedia(ctx.store.db, projectId),
  };
}
