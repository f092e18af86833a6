import type { z } from 'zod';
import type { ItemMedia, MediaFacts, MediaInfo } from '../../core/api/media.ts';
import { itemMediaPath, mediaRef } from '../../core/media/reference.ts';
import { iso } from '../context.ts';
import type { MediaRow } from './media.repository.ts';
import type { PeaksIndex } from './peaks.ts';
import { rationalValue } from './probe-facts.ts';

/** A row's probed facts, null until a probe ran. */
export const factsOf = (r: MediaRow): z.input<typeof MediaFacts> => ({
  durationSeconds: r.durationSeconds,
  sampleRate: r.sampleRate,
  channels: r.channels,
  frameRate: r.frameRate,
  frameRateValue: rationalValue(r.frameRate),
  width: r.width,
  height: r.height,
  codecs: r.codecs === null ? null : (JSON.parse(r.codecs) as string[]),
  probeError: r.probeError,
});

export const toMediaInfo = (r: MediaRow, created: boolean): z.input<typeof MediaInfo> => ({
  id: r.id,
  projectId: r.projectId,
  ref: mediaRef(r.id),
  sha256: r.sha256,
  size: r.size,
  contentType: r.contentType,
  originalName: r.originalName,
  sourceUrl: r.sourceUrl,
  createdAt: iso(r.createdAt),
  created,
  facts: factsOf(r),
});

/** An item's media field as item answers carry it. */
export const toItemMedia = (itemId: number, field: string, r: MediaRow): z.input<typeof ItemMedia> => ({
  url: itemMediaPath(itemId, field),
  mediaId: r.id,
  contentType: r.contentType,
  size: r.size,
  facts: factsOf(r),
  peaks:
    r.peaks === null
      ? null
      : { url: `${itemMediaPath(itemId, field)}/peaks`, ...(JSON.parse(r.peaks) as PeaksIndex) },
  peaksError: r.peaksError,
});
