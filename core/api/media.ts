import { z } from 'zod';
import { PEAK_LEVELS } from '../media/peaks-format.ts';
import { Id, IsoTime, PageQuery } from './common.ts';

/** What a probe learns of a media file; every fact null until it ran (docs/media.md). */
export const MediaFacts = z
  .object({
    durationSeconds: z.number().nullable(),
    sampleRate: z.number().int().nullable(),
    channels: z.number().int().nullable(),
    frameRate: z
      .string()
      .nullable()
      .describe('a reduced rational such as "30000/1001": frame numbers stay exact'),
    frameRateValue: z.number().nullable().describe('frameRate as a number (29.97…)'),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    codecs: z.array(z.string()).nullable(),
    probeError: z.string().nullable(),
  })
  .meta({ id: 'MediaFacts' });

export const MediaInfo = z
  .object({
    id: z.number().int(),
    projectId: z.number().int(),
    ref: z.string().describe('what item data holds to refer to it: "media:<id>"'),
    sha256: z.string(),
    size: z.number().int(),
    contentType: z
      .string()
      .describe("probed from the bytes (magic numbers), never the name or the uploader's claim"),
    originalName: z.string().nullable(),
    sourceUrl: z.string().nullable(),
    createdAt: IsoTime,
    created: z.boolean().describe('false: the project had this file (same sha256) already'),
    facts: MediaFacts,
  })
  .meta({ id: 'MediaInfo' });

/** Where an item's waveform peaks are served from and what levels there are (docs/media.md). */
export const MediaPeaks = z
  .object({
    url: z.string().describe('GET it with ?level=<samplesPerPixel>&tile=<n>'),
    sampleRate: z.number().int(),
    samples: z.number().int().describe('mono samples decoded'),
    tilePixels: z.number().int(),
    levels: z.array(
      z.object({
        samplesPerPixel: z.number().int(),
        pixels: z.number().int(),
        tiles: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'MediaPeaks' });

/** An item's media field as the item answers carry it: where it is served from, and its facts. */
export const ItemMedia = z
  .object({
    url: z.string().describe('the path the media is served from, relative to the server'),
    mediaId: z.number().int(),
    contentType: z.string(),
    size: z.number().int(),
    facts: MediaFacts,
    peaks: MediaPeaks.nullable().describe('null until computed (files with sound only)'),
    peaksError: z.string().nullable(),
  })
  .meta({ id: 'ItemMedia' });

export const UploadMediaQuery = z.object({
  name: z.string().max(255).optional().describe('the original file name, kept for people (never trusted)'),
});

export const ImportMediaUrlBody = z.object({
  url: z.string().min(1).max(2048).describe('an http(s) URL, fetched by the server (docs/media.md)'),
});

export const ItemMediaParams = z.object({
  itemId: Id,
  field: z.string().min(1).max(100),
});

export const MediaPeaksQuery = z.object({
  level: z.coerce
    .number()
    .int()
    .refine((n) => (PEAK_LEVELS as readonly number[]).includes(n), {
      message: `write one of ${PEAK_LEVELS.join(', ')} (samples per pixel)`,
    }),
  tile: z.coerce.number().int().min(0).max(100_000_000),
});

export const ReprobeMediaBody = z.object({
  failedOnly: z
    .boolean()
    .default(false)
    .describe(
      'only media whose probe or waveform failed with a reason; otherwise also media never probed (or whose waveform never ran)',
    ),
});

export const ReprobeMediaAnswer = z
  .object({
    mediaCount: z.number().int().describe('how many media files get a new probe'),
    jobIds: z.array(z.number().int()).describe('the probe jobs planned (none when nothing needed one)'),
  })
  .meta({ id: 'ReprobeMediaAnswer' });

export const MEDIA_STATUSES = ['failed', 'pending', 'ready'] as const;

export const ListMediaQuery = PageQuery.extend({
  status: z
    .enum(['all', ...MEDIA_STATUSES])
    .default('all')
    .describe(
      'failed: the probe or the waveform failed (probeError / peaksError); pending: not probed yet, or a recording whose waveform is still to come; ready: the rest',
    ),
});

/** One media file of a project as the list shows it: MediaInfo without `created`, with its state. */
export const MediaListEntry = MediaInfo.omit({ created: true })
  .extend({
    status: z.enum(MEDIA_STATUSES),
    peaksError: z.string().nullable(),
  })
  .meta({ id: 'MediaListEntry' });

export const MediaListAnswer = z
  .object({
    items: z.array(MediaListEntry),
    nextCursor: z.string().nullable(),
    counts: z.object({ failed: z.number().int(), pending: z.number().int(), ready: z.number().int() }),
  })
  .meta({ id: 'MediaList' });
