import { z } from 'zod';
import { Id, IsoTime } from './common.ts';
import { Item } from './items.ts';

/**
 * A project's adjudication setting (docs/quality.md, "Adjudication"); null on the project: off.
 * An item enters the queue once it is complete and its disagreement is at least `threshold`, or
 * its majority-vote confidence is below `confidenceBelow`.
 */
export const AdjudicationSetting = z
  .strictObject({
    threshold: z
      .number()
      .min(0)
      .max(1)
      .describe('an item whose disagreement score (0 all agree … 1) is at least this enters the queue'),
    confidenceBelow: z
      .number()
      .gt(0)
      .max(1)
      .nullable()
      .default(null)
      .describe(
        'also an item whose lowest majority-vote confidence over its questions is below this; null: not used',
      ),
    adjudicators: z
      .array(Id)
      .max(1000)
      .default([])
      .describe(
        "user ids of the project's members who adjudicate, besides admins, managers and the project's managers",
      ),
  })
  .meta({ id: 'AdjudicationSetting' });
export type AdjudicationSetting = z.output<typeof AdjudicationSetting>;

export const AdjudicationParams = z.object({ projectId: Id, itemId: Id });

/** Where an item stands in adjudication. */
export const AdjudicationState = z
  .enum(['pending', 'waiting', 'claimed', 'decided'])
  .describe(
    'pending: disputed but not complete yet (free slots or live locks); waiting: in the queue; claimed: an adjudicator holds it; decided: its final answer is recorded',
  );

/** One annotator's answers on the item, as the adjudicator sees them. */
export const AdjudicationAnswer = z.object({
  annotationId: z.number().int(),
  annotator: z.string().describe("the annotator's email, or name, as the exports name them"),
  answers: z.record(z.string(), z.unknown()),
  submittedAt: IsoTime.nullable(),
});

/** The final answer recorded for an item. */
export const AdjudicationFinal = z.object({
  answers: z.record(z.string(), z.unknown()),
  adjudicator: z.string(),
  decidedAt: IsoTime,
  note: z.string().nullable(),
});

/** One item's case: the item, every human answer side by side, the disagreement and the consensus. */
export const AdjudicationCase = z
  .object({
    item: Item,
    state: AdjudicationState,
    disagreement: z.number().nullable(),
    confidence: z.number().nullable().describe('the lowest majority-vote confidence over its questions'),
    answers: z.array(AdjudicationAnswer).describe('submitted human answers, oldest annotation first'),
    consensus: z
      .record(z.string(), z.object({ answer: z.unknown(), confidence: z.number() }))
      .describe(
        'per question: the majority vote (Bradley–Terry for pairwise and ranking) and its confidence',
      ),
    claim: z
      .object({ by: z.string(), expiresAt: IsoTime })
      .nullable()
      .describe('the running claim on it, if any'),
    final: AdjudicationFinal.nullable(),
  })
  .meta({ id: 'AdjudicationCase' });

export const AdjudicationQueueQuery = z.object({
  state: AdjudicationState.optional().describe('only items in this state; without it the undecided ones'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const AdjudicationQueue = z
  .object({
    counts: z.object({ pending: z.int(), waiting: z.int(), claimed: z.int(), decided: z.int() }),
    items: z.array(
      z.object({
        itemId: z.int(),
        externalId: z.string().nullable(),
        state: AdjudicationState,
        disagreement: z.number().nullable(),
        confidence: z.number().nullable(),
        enteredAt: IsoTime,
        decidedAt: IsoTime.nullable(),
      }),
    ),
  })
  .meta({ id: 'AdjudicationQueue' });

export const DecideBody = z.object({
  answers: z.record(z.string(), z.unknown()).describe('the final answers, checked as a submit is'),
  note: z.string().trim().max(5000).optional(),
});

export const ReleaseBody = z.object({
  skip: z.boolean().default(false).describe('also move it to the back of the queue'),
});
export const Released = z.object({ released: z.boolean() });
