import type { z } from 'zod';
import type { AcceptBody, FixBody, RejectBody } from '../../core/api/review.ts';
import type { ReviewOutcome, ReviewTask } from '../../core/api/review-task.ts';
import { shownOrders, withoutHiddenModels } from '../../core/interface/index.ts';
import { nextStatus, type ReviewDecision } from '../../core/review.ts';
import { requireReview } from '../access.ts';
import { queueForAdjudication } from '../adjudication/entry.ts';
import { annotationsQuery, getItemRow, toAnnotation, toItem } from '../assignments/assignments.repository.ts';
import { interfaceOf } from '../assignments/assignments.service.ts';
import { checkAnswers } from '../assignments/check-answers.ts';
import { type AppContext, type Caller, iso } from '../context.ts';
import { type Db, writeTransaction } from '../db/transaction.ts';
import { AppError, forbidden, notFound } from '../http/errors.ts';
import { refreshDisagreement } from '../quality/disagreement.ts';
import {
  claimReview,
  findClaimableReview,
  findHeldReview,
  findReviewForUpdate,
  listDecisions,
  recordDecision,
  reviewsOf,
  writeFix,
} from './review.repository.ts';
import { feedbackOf } from './work.ts';

const findAnnotation = (db: Db, annotationId: number) =>
  annotationsQuery(db).where('n.id', '=', annotationId).executeTakeFirst();

/**
 * nextReview: the queued annotation the caller holds, renewed, or the oldest one nobody holds that
 * is not their own, claimed until the project's lock time runs out. One write transaction, as
 * claiming an item is: two reviewers never hold the same annotation.
 */
export async function nextReview(
  ctx: AppContext,
  caller: Caller,
  projectId: number,
): Promise<z.input<typeof ReviewTask> | null> {
  const project = await requireReview(ctx.store.db, caller, projectId);
  const ttlMs = project.lockTtlSeconds * 1000;
  const claimed = await writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      const review =
        (await findHeldReview(tx, projectId, caller.id, now)) ??
        (await findClaimableReview(tx, ctx.store, { projectId, reviewerId: caller.id, now }));
      if (!review) return undefined;
      const until = now + ttlMs;
      if (!(await claimReview(tx, { annotationId: review.annotationId, reviewerId: caller.id, until, now })))
        throw new Error(`review ${review.annotationId} was taken inside its own claim transaction`);
      return { annotationId: review.annotationId, until };
    },
    { durable: false, serializeOn: [projectId, caller.id] },
  );
  if (!claimed) return null;
  const db = ctx.store.db;
  const iface = interfaceOf(project);
  const annotation = await findAnnotation(db, claimed.annotationId);
  const review = (await reviewsOf(db, [claimed.annotationId])).get(claimed.annotationId);
  if (!annotation || !review) return null; // its item was deleted meanwhile
  const item = toItem(await getItemRow(db, annotation.itemId));
  return {
    item: { ...item, data: withoutHiddenModels(iface, item.data) },
    annotation: toAnnotation(annotation, { integrity: true }),
    shown:
      annotation.shown === null
        ? shownOrders(iface, item.data, annotation.itemId, annotation.userId)
        : JSON.parse(annotation.shown),
    review: feedbackOf(review),
    history: (await listDecisions(db, claimed.annotationId)).map((d) => ({
      outcome: d.outcome,
      comment: d.comment,
      reviewer: d.reviewer,
      revision: d.revision,
      createdAt: iso(d.createdAt),
    })),
    claimExpiresAt: iso(claimed.until),
  };
}

export type DecisionInput =
  | { decision: 'accept'; body: z.output<typeof AcceptBody> }
  | { decision: 'reject'; body: z.output<typeof RejectBody> }
  | { decision: 'fix'; body: z.output<typeof FixBody> };

const OUTCOME = { accept: 'accepted', reject: 'rejected', fix: 'fixed' } as const satisfies Record<
  ReviewDecision,
  string
>;

/**
 * decideReview: accept, reject (with its comment) or fix (the reviewer's answers, checked as a
 * submit is, become the annotation's; the annotator's stay as the revision before). Only on a
 * queued annotation nobody else holds, by someone other than its annotator, and on the revision
 * the reviewer saw.
 */
export async function decideReview(
  ctx: AppContext,
  caller: Caller,
  target: { projectId: number; annotationId: number },
  input: DecisionInput,
): Promise<z.input<typeof ReviewOutcome>> {
  const project = await requireReview(ctx.store.db, caller, target.projectId);
  const iface = interfaceOf(project);
  await writeTransaction(
    ctx.store,
    async (tx) => {
      const now = Date.now();
      const review = await findReviewForUpdate(tx, ctx.store, target.annotationId);
      if (!review || review.projectId !== target.projectId) throw notFound('annotation');
      if (review.annotatorId === caller.id) throw forbidden('You cannot review your own work.');
      const status = nextStatus(review.status, input.decision);
      if (!status)
        throw new AppError(
          'CONFLICT',
          `This annotation is ${review.status.replace('_', ' ')}; it awaits no review.`,
        );
      if (review.claimedBy !== null && review.claimedBy !== caller.id && (review.claimExpiresAt ?? 0) > now)
        throw new AppError('CONFLICT', 'Another reviewer holds this annotation.');
      const annotation = await findAnnotation(tx, target.annotationId);
      if (!annotation) throw notFound('annotation');
      if (annotation.revision !== input.body.revision)
        throw new AppError('CONFLICT', 'The annotation changed since you loaded it; take it again.');
      let revision = annotation.revision;
      let fixedFromRevision: number | null = null;
      if (input.decision === 'fix') {
        const item = await getItemRow(tx, annotation.itemId);
        const answers = await checkAnswers(tx, {
          projectId: project.id,
          iface,
          answers: input.body.answers,
          data: JSON.parse(item.data),
          partial: false,
        });
        fixedFromRevision = annotation.revision;
        revision = await writeFix(tx, {
          annotationId: annotation.id,
          answers: JSON.stringify(answers),
          reviewerId: caller.id,
          interfaceVersion: project.interfaceVersion,
          now,
        });
        await refreshDisagreement(tx, iface, [annotation.itemId]);
        await queueForAdjudication(tx, { project, iface, itemIds: [annotation.itemId], now });
      }
      await recordDecision(tx, {
        review,
        status,
        outcome: OUTCOME[input.decision],
        reviewerId: caller.id,
        comment: input.body.comment ?? null,
        revision,
        fixedFromRevision,
        now,
      });
    },
    { serializeOn: [target.projectId, caller.id] },
  );
  const db = ctx.store.db;
  const annotation = (await findAnnotation(db, target.annotationId))!;
  const review = (await reviewsOf(db, [target.annotationId])).get(target.annotationId)!;
  return { annotation: toAnnotation(annotation, { integrity: true }), review: feedbackOf(review) };
}
