import { z } from 'zod';

/**
 * Adaptive overlap (docs/quality.md): the project's `overlap` is the minimum every item gets; an
 * item whose answers disagree past `threshold` once they are all in gets one more annotator, and
 * again, up to `max`.
 */
export const AdaptiveOverlap = z
  .strictObject({
    max: z
      .int()
      .min(2)
      .max(100)
      .describe("the most annotators an item can get; above the project's overlap (the minimum)"),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .describe('an item whose disagreement score (0: all agree, 1 at most) is above this gets one more'),
  })
  .meta({ id: 'AdaptiveOverlap' });
export type AdaptiveOverlap = z.output<typeof AdaptiveOverlap>;

/** The message when `max` does not exceed the overlap, with the field it names. */
export const adaptiveMaxProblem = (overlap: number, max: number): string | null =>
  max > overlap ? null : `must be above overlap (${overlap}), the minimum`;
