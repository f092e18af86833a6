import { z } from 'zod';
import { Identifier } from '../interface/index.ts';

/** The most candidates one generation job writes per item (the `responses` field's maximum). */
export const GENERATE_MAX_CANDIDATES = 16;
/** The longest system prompt a generation job sends before each item's prompt. */
export const GENERATE_SYSTEM_MAX = 20_000;

/** A model's sampling parameters for one job, over the connection's defaults (temperature…). */
export const GenerationParams = z
  .record(z.string().min(1).max(100), z.unknown())
  .refine((p) => Object.keys(p).length <= 32, 'at most 32 parameters')
  .describe("overrides of the connection's default parameters (temperature, max_tokens, top_p, seed…)");

export const GenerateRequest = z
  .strictObject({
    connection: z
      .union([z.number().int().positive(), z.string().min(1).max(200)])
      .describe('the model connection, by id or by name'),
    candidates: z
      .number()
      .int()
      .min(1)
      .max(GENERATE_MAX_CANDIDATES)
      .describe('K: candidates generated per item (in all, they must fit the field and its questions)'),
    mode: z
      .enum(['same', 'new'])
      .default('same')
      .describe(
        '`same`: fill the items awaiting candidates; `new`: a new item per item of the project, in the target project',
      ),
    targetProjectId: z
      .number()
      .int()
      .positive()
      .optional()
      .describe('mode `new`: where the new items go (default: this project)'),
    field: Identifier.optional().describe(
      "the `responses` field to fill (default: the interface's only one)",
    ),
    promptField: Identifier.optional().describe(
      'the chat or text field sent as the prompt (default: the first)',
    ),
    params: GenerationParams.optional(),
    system: z
      .string()
      .max(GENERATE_SYSTEM_MAX)
      .optional()
      .describe('a system prompt sent before each prompt'),
  })
  .meta({ id: 'GenerateRequest' });
export type GenerateRequest = z.input<typeof GenerateRequest>;

export const JobStarted = z
  .object({ jobId: z.number().int().describe('follow it with GET /api/jobs/{jobId}') })
  .meta({ id: 'JobStarted' });
export type JobStarted = z.infer<typeof JobStarted>;
