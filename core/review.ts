/**
 * Review and rework, the pure rules (docs/quality.md): which submissions a project samples
 * and how a review status moves. The server applies them; nothing here does I/O.
 */

export const REVIEW_MODES = ['none', 'sample', 'all'] as const;
export type ReviewMode = (typeof REVIEW_MODES)[number];
export const REVIEW_STATUSES = ['awaiting_review', 'accepted', 'rejected', 'fixed', 'reworked'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewDecision = 'accept' | 'reject' | 'fix';
/** What moves a status: a reviewer's decision, or the annotator's resubmission of their answers. */
export type ReviewEvent = ReviewDecision | 'resubmit';

/** Statuses in the review queue: waiting for a reviewer's decision. */
export const QUEUED_STATUSES = ['awaiting_review', 'reworked'] as const satisfies readonly ReviewStatus[];

/**
 * Whether an annotator's k-th first submission (k = 1, 2, …) on a project is drawn for review at
 * `percent` %: when ceil(k·p/100) grows. Each annotator's first submission is drawn, and of their
 * first n exactly ceil(n·p/100) are, so every annotator is sampled at the same share.
 */
export function isSampled(k: number, percent: number): boolean {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const p = Math.min(100, Math.max(0, Math.round(percent)));
  return Math.ceil((k * p) / 100) > Math.ceil(((k - 1) * p) / 100);
}

/** Whether a fresh submission enters review; `k`: the annotator's count, this one included (sample only). */
export function entersReview(mode: ReviewMode, percent: number | null, k: number): boolean {
  if (mode === 'all') return true;
  if (mode === 'none') return false;
  return isSampled(k, percent ?? 100);
}

/**
 * The status after `event`, or undefined when the event does not apply to `from`:
 * - a decision (accept, reject, fix) applies to a queued annotation (awaiting_review, reworked);
 * - a resubmission of a rejected annotation makes it `reworked` (queued again); of an accepted or
 *   fixed one (an edit, where the project allows editing) `awaiting_review`, since the decision
 *   was made on other answers; of a queued one it changes nothing (the reviewer sees the newest).
 */
export function nextStatus(from: ReviewStatus, event: ReviewEvent): ReviewStatus | undefined {
  const queued = (QUEUED_STATUSES as readonly ReviewStatus[]).includes(from);
  switch (event) {
    case 'accept':
      return queued ? 'accepted' : undefined;
    case 'reject':
      return queued ? 'rejected' : undefined;
    case 'fix':
      return queued ? 'fixed' : undefined;
    case 'resubmit':
      if (from === 'rejected') return 'reworked';
      if (from === 'accepted' || from === 'fixed') return 'awaiting_review';
      return from;
  }
}
