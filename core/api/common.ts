import { z } from 'zod';
import { errorCodeList } from '../errors.ts';

/** Database ids are positive integers; path parameters arrive as strings. */
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IsoTime = z.string().describe('ISO 8601 timestamp (UTC)');

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.enum(errorCodeList as [string, ...string[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** Opaque cursor pagination: pass `nextCursor` back as `cursor` until it is null. */
export const PageQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const ProjectParams = z.object({ projectId: Id });
export const EmptyObject = z.object({}).strict();
