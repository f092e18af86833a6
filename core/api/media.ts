import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

/** What a probe learns of a media file; every fact null until it ran (docs/media.md). */
export const MediaFacts = z
  .object({
    durationSeconds: z.number().nullable(),
    sampleRate: z.number().int().nullable(),
    channels: z.number().int().nullable(),
    frameRate: z.string().nullable().describe('a rational such as "30000/1001"'),
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

/** An item's media field as the item answers carry it: where it is served from, and its facts. */
export const ItemMedia = z
  .object({
    url: z.string().describe('the path the media is served from, relative to the server'),
    mediaId: z.number().int(),
    contentType: z.string(),
    size: z.number().int(),
    facts: MediaFacts,
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
