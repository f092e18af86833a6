import { z } from 'zod';
import { ATTEMPT_STATUSES, STANDINGS } from '../assessments.ts';
import { SkillLevelSchema, SkillName } from '../skills.ts';
import { IsoTime } from './common.ts';

/**
 * A project's assessment setting (docs/assessments.md): the project is a qualification test whose
 * items carry gold answers; passing grants `skill` at `level`.
 */
export const AssessmentSetting = z
  .strictObject({
    skill: SkillName.describe('the skill a pass grants; must be in the catalogue'),
    level: SkillLevelSchema.describe('the level a pass grants (1–3)'),
    passMark: z
      .number()
      .min(0)
      .max(1)
      .describe('the least mean per-question score that passes, a fraction from 0 to 1'),
    maxAttempts: z.int().min(1).max(100).default(3).describe('attempts per tutor, the first included'),
    cooldownHours: z
      .number()
      .min(0)
      .max(8760)
      .default(24)
      .describe('hours from the end of a failed attempt until a retake may start'),
    openToAll: z
      .boolean()
      .default(false)
      .describe("any signed-in tutor may enrol themselves; false: the project's members only"),
  })
  .meta({ id: 'AssessmentSetting' });
export type AssessmentSetting = z.output<typeof AssessmentSetting>;

export const AttemptStatus = z.enum(ATTEMPT_STATUSES);

/** A question (item) of an attempt as its tutor sees it: its position and score, never the gold answer. */
export const MyQuestionResult = z.object({
  position: z.int().describe('1 for the first question served, …'),
  score: z.number().nullable().describe('0–1; null while awaiting a reviewer mark'),
});

export const MyAttempt = z.object({
  attempt: z.int().describe('1 for the first attempt, 2 for the first retake, …'),
  status: AttemptStatus,
  score: z.number().nullable().describe('mean per-question score; null until every answer is scored'),
  passMark: z.number(),
  startedAt: IsoTime,
  finishedAt: IsoTime.nullable().describe('when the last answer was submitted'),
  scoredAt: IsoTime.nullable(),
  answered: z.int().describe('questions answered in this attempt'),
  questions: z.array(MyQuestionResult).describe('per question, once the attempt is finished'),
});

/** One assessment the caller may take, with where they stand. */
export const MyAssessment = z
  .object({
    projectId: z.int(),
    projectName: z.string(),
    skill: z.string(),
    level: z.int(),
    passMark: z.number(),
    maxAttempts: z.int(),
    cooldownHours: z.number(),
    openToAll: z.boolean(),
    questions: z.int().describe('questions (gold items) in the assessment'),
    member: z.boolean().describe('whether the caller is a member of the project (open ones enrol on start)'),
    standing: z.enum(STANDINGS),
    canStart: z.boolean().describe('a new attempt may start now'),
    attemptsUsed: z.int(),
    attemptsLeft: z.int(),
    cooldownEndsAt: IsoTime.nullable().describe('when a retake may start, while a cool-down runs'),
    lastScore: z.number().nullable(),
    attempts: z.array(MyAttempt).describe('oldest first'),
  })
  .meta({ id: 'MyAssessment' });

export const MyAssessments = z.object({ items: z.array(MyAssessment) }).meta({ id: 'MyAssessments' });

export const StartedAttempt = z
  .object({
    created: z.boolean().describe('false: an attempt was in progress already and is continued'),
    projectId: z.int(),
    attempt: MyAttempt,
  })
  .meta({ id: 'StartedAttempt' });

/** A question of an attempt as managers see it: scores per interface question and the answers. */
export const AttemptQuestion = z.object({
  position: z.int(),
  itemId: z.int(),
  score: z.number().nullable(),
  parts: z
    .record(z.string(), z.number().nullable())
    .describe('score per interface question; null: awaiting a mark'),
  answers: z.record(z.string(), z.unknown()).nullable().describe('the answers as first submitted'),
});

export const AttemptRecord = z
  .object({
    id: z.int(),
    userId: z.int(),
    tutor: z.string().describe('email, or name for accounts without one'),
    attempt: z.int(),
    status: AttemptStatus,
    skill: z.string(),
    level: z.int(),
    passMark: z.number(),
    score: z.number().nullable(),
    startedAt: IsoTime,
    finishedAt: IsoTime.nullable(),
    scoredAt: IsoTime.nullable(),
    questions: z.array(AttemptQuestion),
  })
  .meta({ id: 'AttemptRecord' });

export const AssessmentAttempts = z
  .object({
    assessment: AssessmentSetting.nullable().describe(
      'null: the project is not (or no longer) an assessment',
    ),
    questions: z.int(),
    attempts: z.array(AttemptRecord).describe('by tutor, then attempt'),
  })
  .meta({ id: 'AssessmentAttempts' });
