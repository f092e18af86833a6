import { z } from 'zod';

/** `includeModels=true`: model judges' annotations count too (docs/judge.md); default: people's only. */
export const MetricsQuery = z.object({
  includeModels: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe("`true`: model judges' annotations count too (marked `kind: model`); default: people's only"),
});

const Coefficient = z.number().nullable();

/** One pair of annotators' Cohen's kappa over the units both answered. */
export const CohenPair = z
  .object({
    annotators: z.tuple([z.string(), z.string()]),
    n: z.number().int().describe('units both answered'),
    unweighted: Coefficient.optional(),
    linear: Coefficient.optional(),
    quadratic: Coefficient.optional(),
  })
  .meta({ id: 'CohenPair' });

/** The coefficients of one categorical or numeric question (or option, criterion, step). */
export const Coefficients = z
  .object({
    n: z.number().int().describe('answers counted'),
    units: z.number().int().describe('units (items, or candidates of items) with at least two answers'),
    krippendorffAlpha: z
      .object({
        nominal: Coefficient.optional(),
        ordinal: Coefficient.optional(),
        interval: Coefficient.optional(),
        ratio: Coefficient.optional(),
      })
      .describe("Krippendorff's alpha at each level the kind admits; null when undefined (no variation)"),
    fleissKappa: Coefficient.optional(),
    cohenKappa: z.array(CohenPair).optional(),
  })
  .meta({ id: 'AgreementCoefficients' });

const SpanF1 = z.object({
  exact: Coefficient,
  overlap: Coefficient,
  spans: z.number().int().describe('spans compared, once per pair of annotators they were compared in'),
});

const SegmentF1Figure = z.object({
  f1: Coefficient.describe('2·matched / segments of both sides, pooled over pairs'),
  meanIoU: Coefficient.describe('mean IoU of the matched pairs'),
  segments: z.number().int().describe('segments compared, once per pair of annotators'),
});

/** One question's agreement: only the coefficients its kind admits (docs/quality.md). */
export const QuestionAgreement = Coefficients.partial()
  .extend({
    type: z.string(),
    n: z.number().int().describe('answers counted'),
    pairs: z
      .number()
      .int()
      .optional()
      .describe('spans and ranking: pairs of annotators compared within items'),
    options: z.record(z.string(), Coefficients).optional().describe('multi-choice: each option as yes/no'),
    criteria: z.record(z.string(), Coefficients).optional().describe('rubric and pairwise: each criterion'),
    steps: z
      .array(Coefficients.extend({ step: z.number().int() }))
      .optional()
      .describe('steps: each step by index'),
    spanF1: SpanF1.extend({ labels: z.record(z.string(), SpanF1) }).optional(),
    kendallTau: Coefficient.optional().describe("ranking: mean pairwise Kendall's tau-b"),
    kendallW: Coefficient.optional().describe("ranking: mean over items of Kendall's W"),
    segmentF1: SegmentF1Figure.extend({
      iouThreshold: z.number(),
      labels: z.record(z.string(), SegmentF1Figure),
    })
      .optional()
      .describe('segments: matched one to one per label by temporal IoU ≥ iouThreshold'),
    unitizedAlpha: z
      .object({
        alpha: Coefficient,
        items: z.number().int().describe('items where uα is defined'),
        labels: z.record(z.string(), Coefficient),
        notComputed: z.string().optional().describe('why uα is not computed'),
      })
      .optional()
      .describe("segments: Krippendorff's alpha for unitized data, mean over items"),
    transcriptWer: z
      .object({
        wer: Coefficient,
        words: z.number().int().describe('reference words, each annotator of a pair in turn the reference'),
        pairs: z.number().int(),
      })
      .optional()
      .describe('segments with text: word error rate between annotators'),
    frameAgreement: z
      .object({
        share: Coefficient,
        pairs: z.number().int().describe('pairs of labels given to the same frame'),
        itemsTooLong: z.number().int().optional(),
      })
      .optional()
      .describe('frames: share of agreeing pairs of labels per frame'),
    trackAgreement: z
      .object({
        iouThreshold: z.number(),
        meanIoU: Coefficient.describe('mean IoU of matched tracks over the union of their frames'),
        matched: z.number().int(),
        tracks: z.number().int(),
        idf1: Coefficient,
        boxes: z.number().int(),
      })
      .optional()
      .describe('tracks: matched track IoU and IDF1'),
  })
  .meta({ id: 'QuestionAgreement' });

/** One annotator's agreement with the others and with the others' consensus. */
export const AnnotatorAgreement = z
  .object({
    kind: z.literal('model').optional(),
    withOthers: Coefficient.describe('share of agreeing pairs with the other annotators of the same units'),
    pairs: z.number().int(),
    withConsensus: Coefficient.describe(
      "share of units where the annotator gave the others' majority answer",
    ),
    consensusUnits: z.number().int(),
    units: z.number().int().describe('units shared with at least one other annotator'),
  })
  .meta({ id: 'AnnotatorAgreement' });

export const MetricsReport = z
  .object({
    questions: z.record(z.string(), QuestionAgreement),
    annotators: z.record(z.string(), AnnotatorAgreement),
  })
  .meta({ id: 'MetricsReport' });
export type MetricsReport = z.infer<typeof MetricsReport>;
