import { useMemo } from 'react';
import type { InterfaceDefinition } from '../../../core/interface/index.ts';
import { DiffView } from '../editors/rewrite/DiffView.tsx';
import type { Work } from './api.ts';
import { answerChanges } from './review-changes.ts';
import './review.css';

type Review = NonNullable<Work['review']>;

export const REVIEW_LABEL: Record<Review['status'], string> = {
  awaiting_review: 'Awaiting review',
  accepted: 'Accepted',
  rejected: 'Sent back for rework',
  fixed: 'Fixed by a reviewer',
  reworked: 'Reworked, awaiting review',
};

/**
 * The review of the annotator's own item beside it: the status, the reviewer's comment, and after
 * a fix what the reviewer changed, question by question (docs/quality.md).
 */
export function ReviewNotice(props: {
  review: Review;
  iface: Pick<InterfaceDefinition, 'questions'>;
  answers: Record<string, unknown>;
}) {
  const { review } = props;
  const changes = useMemo(
    () => (review.fixedFrom ? answerChanges(props.iface, review.fixedFrom, props.answers) : []),
    [review.fixedFrom, props.iface, props.answers],
  );
  const urgent = review.status === 'rejected';
  return (
    <section
      className={`review-notice ${urgent ? 'alert' : ''}`}
      data-testid="review-notice"
      aria-label="Review"
      data-status={review.status}
    >
      <p>
        <strong>{REVIEW_LABEL[review.status]}</strong>
        {urgent && ': change your answers as the reviewer asks, then submit again.'}
      </p>
      {review.comment && (
        <blockquote className="review-comment" data-testid="review-comment">
          {review.comment}
        </blockquote>
      )}
      {changes.length > 0 && (
        <div className="stack">
          <p className="muted small">The reviewer changed these answers (your answer struck through):</p>
          {changes.map((c) => (
            <div key={c.question}>
              <h3 className="small">{c.label}</h3>
              <DiffView original={c.before} text={c.after} against="your answer" />
            </div>
          ))}
        </div>
      )}
    </section>
  );
}
