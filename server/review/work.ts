import type { z } from 'zod';
import type { ReviewFeedback } from '../../core/api/review.ts';
import { entersReview, nextStatus } from '../../core/review.ts';
import { isoOrNull } from '../context.ts';
import type { Db, Tx } from '../db/transaction.ts';
import type { ProjectRow } from '../projects/projects.repository.ts';
import {
  countSampledSubmission,
  enterReview,
  type ReviewRow,
  reviewsOf,
  setResubmitted,
} from './review.repository.ts';

/** What the work loop (server/assignments/) asks of review: entering it, resubmitting, the feedback. */

/** A fresh submission enters review when the project's mode draws it (docs/quality.md). */
export async function afterFirstSubmit(
  tx: Tx,
  project: Pick<ProjectRow, 'id' | 'reviewMode' | 'reviewPercent'>,
  annotation: { id: number; itemId: number; userId: number },
  now: number,
): Promise<void> {
  if (project.reviewMode === 'none') return;
  const k =
    project.reviewMode === 'sample' ? await countSampledSubmission(tx, project.id, annotation.userId) : 1;
  if (!entersReview(project.reviewMode, project.reviewPercent, k)) return;
  await enterReview(tx, {
    annotationId: annotation.id,
    projectId: project.id,
    itemId: annotation.itemId,
    annotatorId: annotation.userId,
    now,
  });
}

/** The annotator resubmitted (or edited) answers under review: the status moves as core/review.ts says. */
export async function afterResubmit(tx: Tx, review: ReviewRow, now: number): Promise<void> {
  const status = nextStatus(review.status, 'resubmit');
  if (status && status !== review.status) await setResubmitted(tx, review.annotationId, status, now);
}

type Feedback = z.input<typeof ReviewFeedback>;

export const feedbackOf = (r: ReviewRow & { fixedFrom: string | null }): Feedback => ({
  status: r.status,
  comment: r.comment,
  reviewedAt: isoOrNull(r.reviewedAt),
  fixedFrom: r.status === 'fixed' && r.fixedFrom !== null ? JSON.parse(r.fixedFrom) : null,
});

/** The feedback on one annotation, or null when it never entered review. */
export async function feedbackFor(db: Db, annotationId: number): Promise<Feedback | null> {
  const row = (await reviewsOf(db, [annotationId])).get(annotationId);
  return row ? feedbackOf(row) : null;
}
