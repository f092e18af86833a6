import { Readable } from 'node:stream';
import type { z } from 'zod';
import type { MediaPeaksQuery } from '../../core/api/media.ts';
import type { AppContext, Caller } from '../context.ts';
import { AppError } from '../http/errors.ts';
import { visibleItemMedia } from './media.service.ts';
import { type PeaksIndex, tileRange } from './peaks.ts';
import type { MediaAnswer } from './serve.ts';
import { peaksKey } from './storage.ts';

/**
 * One tile of an item's waveform peaks (docs/media.md, "Waveform peaks"), to whoever may see the
 * item (visibleItemMedia: anyone else gets the 404 an unknown item gets). Not computed yet, or no
 * sound: MEDIA_NOT_READY. A tile past the level's end names the parameter. The bytes never change
 * for the same content, so the answer carries an ETag and a matching If-None-Match gets a 304.
 */
export async function getItemMediaPeaks(
  ctx: AppContext,
  caller: Caller,
  params: { itemId: number; field: string },
  query: z.output<typeof MediaPeaksQuery>,
  ifNoneMatch: string | undefined,
): Promise<MediaAnswer> {
  const media = await visibleItemMedia(ctx, caller, params);
  if (media.peaks === null)
    throw new AppError(
      'MEDIA_NOT_READY',
      media.peaksError ??
        media.probeError ??
        `The waveform of media ${media.id} is not computed yet${media.probedAt !== null && media.sampleRate === null ? ' (it has no sound)' : ''}.`,
    );
  const index = JSON.parse(media.peaks) as PeaksIndex;
  const range = tileRange(index, query.level, query.tile);
  if (!range) {
    const tiles = index.levels.find((l) => l.samplesPerPixel === query.level)?.tiles ?? 0;
    const message = `level ${query.level} has ${tiles} tile${tiles === 1 ? '' : 's'} (0 to ${tiles - 1})`;
    throw new AppError('VALIDATION_FAILED', `tile: ${message}`, [{ path: 'tile', message }]);
  }
  const etag = `"${media.sha256.slice(0, 32)}-${query.level}-${query.tile}"`;
  const answer = {
    contentType: 'application/octet-stream',
    inline: false,
    fileName: `peaks-${media.id}-${query.level}-${query.tile}.bin`,
    size: range.end - range.start + 1,
    range: null,
    etag,
  };
  if (ifNoneMatch?.split(',').some((t) => t.trim() === etag))
    return { ...answer, status: 304, body: Readable.from([]) };
  const body = await ctx.media.storage.read(peaksKey(media.storageKey, query.level), {
    start: range.start,
    end: range.end,
  });
  return { ...answer, status: 200, body };
}
