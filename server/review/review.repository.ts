import { type Selectable, sql } from 'kysely';
import { QUEUED_STATUSES, type ReviewStatus } from '../../core/review.ts';
import { annotatorLabelOf } from '../assignments/assignments.repository.ts';
import type { ReviewEventsTable, ReviewsTable } from '../db/schema.ts';
import type { Store } from '../db/store.ts';
import type { Db, Tx } from '../db/transaction.ts';

export type ReviewRow = Selectable<ReviewsTable>;

/**
 * One more first submission of the annotator on the project, counted for sampling; returns k, the
 * count with this one. One upsert: two submissions at once each get their own k.
 */
export async function countSampledSubmission(tx: Tx, projectId: number, userId: number): Promise<number> {
  const row = await tx
    .insertInto('reviewSamples')
    .values({ projectId, userId, submissions: 1 })
    .onConflict((oc) =>
      oc
        .columns(['projectId', 'userId'])
        .doUpdateSet({ submissions: sql<number>`review_samples.submissions + 1` }),
    )
    .returning('submissions')
    .executeTakeFirstOrThrow();
  return Number(row.submissions);
}

/** Puts a freshly submitted annotation in the review queue. */
export async function enterReview(
  tx: Tx,
  r: { annotationId: number; projectId: number; itemId: number; annotatorId: number; now: number },
): Promise<void> {
  await tx
    .insertInto('reviews')
    .values({
      annotationId: r.annotationId,
      projectId: r.projectId,
      itemId: r.itemId,
      annotatorId: r.annotatorId,
      status: 'awaiting_review',
      enteredAt: r.now,
      claimedBy: null,
      claimExpiresAt: null,
      comment: null,
      reviewedBy: null,
      reviewedAt: null,
      fixedFromRevision: null,
      updatedAt: r.now,
    })
    .onConflict((oc) => oc.column('annotationId').doNothing())
    .execute();
}

/** The review of an assignment's annotation, if it ever entered review. */
export const findReviewOfAssignment = (db: Db, assignmentId: number): Promise<ReviewRow | undefined> =>
  db
    .selectFrom('reviews as r')
    .innerJoin('annotations as n', 'n.id', 'r.annotationId')
    .selectAll('r')
    .where('n.assignmentId', '=', assignmentId)
    .executeTakeFirst();

/** The review row, locked until the transaction ends on PostgreSQL (SQLite's writer lock holds it). */
export async function findReviewForUpdate(
  tx: Tx,
  store: Store,
  annotationId: number,
): Promise<ReviewRow | undefined> {
  const query = tx.selectFrom('reviews').selectAll().where('annotationId', '=', annotationId);
  return (store.kind === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
}

/** A resubmission moved the status: queued again (if it is) from now, with no reviewer holding it. */
export async function setResubmitted(
  tx: Tx,
  annotationId: number,
  status: ReviewStatus,
  now: number,
): Promise<void> {
  await tx
    .updateTable('reviews')
    .set({ status, enteredAt: now, claimedBy: null, claimExpiresAt: null, updatedAt: now })
    .where('annotationId', '=', annotationId)
    .execute();
}

/** The queued review the reviewer holds on the project, if their claim is still running. */
export const findHeldReview = (tx: Tx, projectId: number, reviewerId: number, now: number) =>
  tx
    .selectFrom('reviews')
    .selectAll()
    .where('projectId', '=', projectId)
    .where('claimedBy', '=', reviewerId)
    .where('claimExpiresAt', '>', now)
    .where('status', 'in', QUEUED_STATUSES)
    .orderBy('enteredAt')
    .limit(1)
    .executeTakeFirst();

/**
 * The oldest queued review nobody holds, by someone else than the reviewer. PostgreSQL skips rows
 * another reviewer's claim is taking right now; the claim's own condition settles the rest.
 */
export async function findClaimableReview(
  tx: Tx,
  store: Store,
  r: { projectId: number; reviewerId: number; now: number },
): Promise<ReviewRow | undefined> {
  const query = tx
    .selectFrom('reviews')
    .selectAll()
    .where('projectId', '=', r.projectId)
    .where('status', 'in', QUEUED_STATUSES)
    .where('annotatorId', '!=', r.reviewerId)
    .where((eb) => eb.or([eb('claimedBy', 'is', null), eb('claimExpiresAt', '<=', r.now)]))
    .orderBy('enteredAt')
    .orderBy('annotationId')
    .limit(1);
  return (store.kind === 'postgres' ? query.forUpdate().skipLocked() : query).executeTakeFirst();
}

/** Takes (or renews) the reviewer's claim, only if nobody else holds a running one; whether it did. */
export async function claimReview(
  tx: Tx,
  c: { annotationId: number; reviewerId: number; until: number; now: number },
): Promise<boolean> {
  const res = await tx
    .updateTable('reviews')
    .set({ claimedBy: c.reviewerId, claimExpiresAt: c.until, updatedAt: c.now })
    .where('annotationId', '=', c.annotationId)
    .where('status', 'in', QUEUED_STATUSES)
    .where((eb) =>
      eb.or([
        eb('claimedBy', 'is', null),
        eb('claimedBy', '=', c.reviewerId),
        eb('claimExpiresAt', '<=', c.now),
      ]),
    )
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Records a decision: the review's new status and feedback, and the decision in the history. */
export async function recordDecision(
  tx: Tx,
  d: {
    review: ReviewRow;
    status: ReviewStatus;
    outcome: ReviewEventsTable['outcome'];
    reviewerId: number;
    comment: string | null;
    revision: number;
    fixedFromRevision: number | null;
    now: number;
  },
): Promise<void> {
  await tx
    .updateTable('reviews')
    .set({
      status: d.status,
      claimedBy: null,
      claimExpiresAt: null,
      comment: d.comment,
      reviewedBy: d.reviewerId,
      reviewedAt: d.now,
      fixedFromRevision: d.fixedFromRevision,
      updatedAt: d.now,
    })
    .where('annotationId', '=', d.review.annotationId)
    .execute();
  await tx
    .insertInto('reviewEvents')
    .values({
      annotationId: d.review.annotationId,
      projectId: d.review.projectId,
      reviewerId: d.reviewerId,
      outcome: d.outcome,
      comment: d.comment,
      revision: d.revision,
      createdAt: d.now,
    })
    .execute();
}

/**
 * A reviewer's fix: the annotation's answers replaced (pending edits dropped) as a new revision of
 * kind `edit` written by the reviewer; the annotator's answers stay in the revision before it.
 */
export async function writeFix(
  tx: Tx,
  f: { annotationId: number; answers: string; reviewerId: number; interfaceVersion: number; now: number },
): Promise<number> {
  const row = await tx
    .updateTable('annotations')
    .set({
      answers: f.answers,
      pendingAnswers: null,
      interfaceVersion: f.interfaceVersion,
      revision: sql<number>`revision + 1`,
      editedAt: f.now,
      updatedAt: f.now,
    })
    .where('id', '=', f.annotationId)
    .returning('revision')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('annotationRevisions')
    .values({
      annotationId: f.annotationId,
      revision: row.revision,
      userId: f.reviewerId,
      kind: 'edit',
      answers: f.answers,
      idempotencyKey: null,
      createdAt: f.now,
      importedBy: null,
      interfaceVersion: f.interfaceVersion,
    })
    .execute();
  return row.revision;
}

/** Every decision on an annotation, oldest first, with the reviewer's label. */
export const listDecisions = (db: Db, annotationId: number) =>
  db
    .selectFrom('reviewEvents as e')
    .innerJoin('users as u', 'u.id', 'e.reviewerId')
    .select(['e.outcome', 'e.comment', 'e.revision', 'e.createdAt'])
    .select(annotatorLabelOf('u').as('reviewer'))
    .where('e.annotationId', '=', annotationId)
    .orderBy('e.id')
    .execute();

/** The assignment of the annotator's oldest rejected annotation on the project: their next rework. */
export const findRework = (db: Db, projectId: number, userId: number) =>
  db
    .selectFrom('reviews as r')
    .innerJoin('annotations as n', 'n.id', 'r.annotationId')
    .innerJoin('assignments as a', 'a.id', 'n.assignmentId')
    .selectAll('a')
    .where('r.projectId', '=', projectId)
    .where('r.annotatorId', '=', userId)
    .where('r.status', '=', 'rejected')
    .orderBy('r.reviewedAt')
    .orderBy('r.annotationId')
    .limit(1)
    .executeTakeFirst();

/** The reviews of these annotations, each with the answers a fix replaced (null when none). */
export async function reviewsOf(
  db: Db,
  annotationIds: number[],
): Promise<Map<number, ReviewRow & { fixedFrom: string | null }>> {
  if (annotationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('reviews as r')
    .leftJoin('annotationRevisions as v', (join) =>
      join.onRef('v.annotationId', '=', 'r.annotationId').onRef('v.revision', '=', 'r.fixedFromRevision'),
    )
    .selectAll('r')
    .select('v.answers as fixedFrom')
    .where('r.annotationId', 'in', annotationIds)
    .execute();
  return new Map(rows.map((r) => [r.annotationId, r]));
}

/** The review statuses of these items' annotations (only `annotatorId`'s when given), oldest review first. */
export const reviewStatusesOf = async (db: Db, itemIds: number[], annotatorId: number | undefined) => {
  if (itemIds.length === 0) return [];
  let query = db
    .selectFrom('reviews')
    .select(['itemId', 'status'])
    .where('itemId', 'in', itemIds)
    .orderBy('annotationId');
  if (annotatorId !== undefined) query = query.where('annotatorId', '=', annotatorId);
  return query.execute();
};
