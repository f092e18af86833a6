import { z } from 'zod';
import { Identifier } from '../interface/index.ts';

/** `GET /api/items/{itemId}/subtitles`: one annotation's segments answer as WebVTT or SubRip (docs/exports.md). */
export const SubtitlesQuery = z.object({
  format: z.enum(['vtt', 'srt']).default('vtt').describe('`vtt` (WebVTT, the default) or `srt` (SubRip)'),
  question: Identifier.describe('the segments question whose answer becomes the cues'),
  annotator: z
    .string()
    .min(1)
    .max(320)
    .optional()
    .describe(
      "whose annotation, by email (or name, for an account without one) as the item's annotations name it; default: the caller's own",
    ),
});
export type SubtitlesQuery = z.output<typeof SubtitlesQuery>;
