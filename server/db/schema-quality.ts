import type { Generated } from 'kysely';

/** The tables of review (migration 0021), gold items (migration 0020) and adjudication (migration 0026), as schema.ts's. */

export type ReviewStatusDb = 'awaiting_review' | 'accepted' | 'rejected' | 'fixed' | 'reworked';
/** An annotation in review (migration 0021, server/review/): its status, claim and latest feedback. */
export interface ReviewsTable {
  annotationId: number;
  projectId: number;
  itemId: number;
  /** The annotation's author. */
  annotatorId: number;
  status: ReviewStatusDb;
  /** When it (last) entered the queue: the queue's order. */
  enteredAt: number;
  /** The reviewer holding it, until claimExpiresAt. */
  claimedBy: number | null;
  claimExpiresAt: number | null;
  /** The latest reviewer's comment (required on a rejection, optional on accept and fix). */
  comment: string | null;
  reviewedBy: number | null;
  reviewedAt: number | null;
  /** After a fix: the revision holding the annotator's answers the fix replaced. */
  fixedFromRevision: number | null;
  updatedAt: number;
}

/** One review decision (migration 0021). */
export interface ReviewEventsTable {
  id: Generated<number>;
  annotationId: number;
  projectId: number;
  reviewerId: number;
  outcome: 'accepted' | 'rejected' | 'fixed';
  comment: string | null;
  /** The annotation's revision the decision was made on. */
  revision: number;
  createdAt: number;
}

/** How many first submissions of an annotator the project's sampling has counted (migration 0021). */
export interface ReviewSamplesTable {
  projectId: number;
  userId: number;
  submissions: number;
}

/** An item's gold answers (migration 0020): `{question: answer}` JSON text, valid when stored. */
export interface GoldItemsTable {
  itemId: number;
  projectId: number;
  answers: string;
  createdAt: number;
}

/** A submitted gold answer's score for one question; null score: awaiting a reviewer's mark. */
export interface GoldScoresTable {
  projectId: number;
  itemId: number;
  userId: number;
  annotationId: number;
  question: string;
  score: number | null;
  /** JSON text: the parts (rubric, steps, pairwise) and span F1s, or null. */
  detail: string | null;
  scoredAt: number;
  markedBy: number | null;
  markedAt: number | null;
}

/** An annotator paused on a project by the quality bar (migration 0020); lifted by a manager. */
export interface GoldPausesTable {
  id: Generated<number>;
  projectId: number;
  userId: number;
  /** The rule as a sentence, e.g. "gold accuracy below 70 % after 10 scored gold items". */
  rule: string;
  accuracy: number;
  scored: number;
  pausedAt: number;
  liftedBy: number | null;
  liftedAt: number | null;
}

/**
 * A disputed item in adjudication (migration 0026, server/adjudication/): the score it entered on,
 * an adjudicator's claim, and once decided the final answers, kept apart from the annotations.
 */
export interface AdjudicationsTable {
  itemId: number;
  projectId: number;
  /** The item's disagreement and lowest majority-vote confidence when last evaluated. */
  disagreement: number | null;
  confidence: number | null;
  /** When it entered (a skip sets it to the skip's time): the queue's order. */
  enteredAt: number;
  claimedBy: number | null;
  claimExpiresAt: number | null;
  /** The final answers, `{question: answer}` JSON text, valid when stored; null until decided. */
  answers: string | null;
  adjudicatorId: number | null;
  decidedAt: number | null;
  note: string | null;
}
