import { z } from 'zod';
import { Annotation, ShownOrders } from './assignments.ts';
import { IsoTime } from './common.ts';
import { Item } from './items.ts';
import { ReviewDecisionRecord, ReviewFeedback } from './review.ts';

// Apart from review.ts, which assignments.ts imports for the feedback beside an annotator's work.

/** What a reviewer is given to review. */
export const ReviewTask = z
  .object({
    item: Item,
    annotation: Annotation,
    shown: ShownOrders.describe('the candidates in the order its annotator was shown them'),
    review: ReviewFeedback,
    history: z.array(ReviewDecisionRecord).describe('earlier decisions on this annotation, oldest first'),
    claimExpiresAt: IsoTime.describe('the caller holds it until then; asking for the next renews it'),
  })
  .meta({ id: 'ReviewTask' });

export const ReviewOutcome = z
  .object({ annotation: Annotation, review: ReviewFeedback })
  .meta({ id: 'ReviewOutcome' });
