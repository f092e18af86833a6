import { z } from 'zod';
import { Id, IsoTime } from './common.ts';

/**
 * Models in a project (docs/judge.md): a model connection made a member that answers the
 * project's pairwise, rating and choice questions as a judge, and suggestions a model pre-fills.
 * Both run as background jobs; the answer is the job's id (GET /api/jobs/{jobId} follows it).
 */

/** Who wrote an annotation, or who a member is: a person, or a model answering as a judge. */
export const AnnotatorKind = z
  .enum(['human', 'model'])
  .describe('`model`: a model judge (docs/judge.md), whose answers are kept apart from people’s by default');
export type AnnotatorKind = z.infer<typeof AnnotatorKind>;

export const Judge = z
  .object({
    projectId: z.number().int(),
    userId: z.number().int().describe('the account the model answers as; it can never sign in'),
    name: z.string(),
    connectionId: z.number().int(),
    status: z.enum(['active', 'suspended']),
    addedAt: IsoTime,
  })
  .meta({ id: 'Judge' });
export type Judge = z.infer<typeof Judge>;

/** A model connection as a project's managers choose one: never its address or key. */
export const ConnectionChoice = z
  .object({ id: z.number().int(), name: z.string(), model: z.string() })
  .meta({ id: 'ConnectionChoice' });

export const AddJudgeBody = z.object({
  connection: Id.describe('the model connection to make a judge of the project'),
});
export const JudgeParams = z.object({ projectId: Id, userId: Id });

export const RunJudgeBody = z
  .object({
    questions: z
      .array(z.string().max(64))
      .max(200)
      .optional()
      .describe(
        'only these questions (of the kinds a judge answers); default: every pairwise, rating and choice question',
      ),
  })
  .default({});

export const SuggestBody = z.object({
  connection: Id.describe('the model connection that suggests'),
  questions: z
    .array(z.string().max(64))
    .max(200)
    .optional()
    .describe(
      'only these questions; default: every question a model can answer (choice, multi_choice, rating, number, text, pairwise, ranking)',
    ),
  confidence: z
    .boolean()
    .default(false)
    .describe("ask the model for its confidence (0 to 1), stored as the prediction's score"),
});

export const JobStarted = z
  .object({ jobId: z.number().int().describe('the background job; follow it at GET /api/jobs/{jobId}') })
  .meta({ id: 'JobStarted' });
