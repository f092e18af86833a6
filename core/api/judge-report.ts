import { z } from 'zod';
import { GoldAccuracy } from './gold.ts';
import { AnnotatorKind } from './judges.ts';

/**
 * The model judges measured against the people (docs/quality.md, "The model judge against the
 * experts"): every annotator, model or person, side by side, with their agreement with the
 * people's consensus and their accuracy on gold.
 */
export const JudgeReportQuery = z.object({
  method: z
    .enum(['majority', 'dawid-skene'])
    .default('majority')
    .describe("how the people's consensus of each unit is formed"),
});

const ConsensusAgreement = z.object({
  agreed: z.int(),
  units: z.int().describe('units compared (a person: with at least one other person; ties left out)'),
  rate: z.number().nullable().describe('agreed / units; null without a unit'),
});

export const JudgeReportAnnotator = z
  .object({
    userId: z.int(),
    annotator: z.string().describe('email, or name for accounts without one'),
    kind: AnnotatorKind,
    consensus: z
      .object({
        overall: ConsensusAgreement,
        questions: z.record(
          z.string(),
          ConsensusAgreement.extend({
            parts: z
              .record(z.string(), ConsensusAgreement)
              .optional()
              .describe('per option (multi-choice), criterion (rubric, pairwise) or step (by index from 0)'),
          }),
        ),
      })
      .describe(
        "agreement with the people's consensus: a model with all the people's, a person with the other people's (leave-one-out)",
      ),
    gold: z
      .object({
        items: z.int().describe('gold items answered'),
        overall: GoldAccuracy,
        questions: z.record(z.string(), GoldAccuracy),
      })
      .describe('their submitted answers to gold items, scored by the gold scorer; free text is left out'),
  })
  .meta({ id: 'JudgeReportAnnotator' });

export const JudgeReport = z
  .object({
    method: z.enum(['majority', 'dawid-skene']),
    judgeInConsensus: z
      .boolean()
      .describe("the project's setting: whether model judges count in the consensus export"),
    goldItems: z.int(),
    annotators: z.array(JudgeReportAnnotator).describe('model judges first, then people, each by name'),
  })
  .meta({ id: 'JudgeReport' });
export type JudgeReport = z.infer<typeof JudgeReport>;
