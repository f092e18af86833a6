import { Link } from '../app/router.tsx';
import { RichText } from '../render/RichText.tsx';
import { ago } from '../ui/ago.ts';
import { Name } from '../ui/Name.tsx';
import type { Project, Work } from './api.ts';
import { REVIEW_LABEL } from './ReviewNotice.tsx';
import { answerSummary, itemExcerpt } from './summary.ts';
import './my-work.css';

export const STATUS_LABEL = {
  submitted: 'Submitted',
  skipped: 'Skipped',
  locked: 'In progress',
  expired: 'Returned',
} as const;

/**
 * One row of My work: which item (its text, rendered), the answers in one or two rendered lines
 * (maths as maths, never raw TeX), the status with "edited … ago" when a submission was changed
 * later, when, and what can be done with it.
 */
export function MyWorkRow(props: { work: Work; project: Project; now: number; onReopen(w: Work): void }) {
  const { work: w, project, now } = props;
  const status = w.assignment.status;
  const itemName = w.item.externalId ?? `#${w.item.id}`;
  const excerpt = itemExcerpt(w.item.data);
  const summary = w.annotation ? answerSummary(project.interface, w.annotation.answers) : undefined;
  const when = w.annotation?.submittedAt ?? w.annotation?.updatedAt ?? w.assignment.createdAt;
  const review = w.review ?? null;
  const editable =
    status === 'locked' ||
    (status === 'submitted' && (project.allowEditSubmitted || review?.status === 'rejected'));
  return (
    <tr>
      <th scope="row">
        <Name text={itemName} />
      </th>
      <td className="excerpt-cell">
        {excerpt ? <RichText source={excerpt} className="clamp-2" /> : <span className="muted">—</span>}
      </td>
      <td className="excerpt-cell">
        {summary ? (
          <RichText source={summary} className="clamp-2" />
        ) : (
          <span className="muted">No answers</span>
        )}
        {w.annotation?.pendingAnswers && <span className="badge">Unsubmitted edits</span>}
        {review?.comment && (
          <span className="muted review-row-comment" data-testid="review-comment">
            Reviewer: <Name text={review.comment} />
          </span>
        )}
        {w.assignment.skipReason && (
          <span className="muted">
            Skipped: <Name text={w.assignment.skipReason} />
          </span>
        )}
      </td>
      <td>
        <span className={`status status-${status}`}>{STATUS_LABEL[status]}</span>
        {review && (
          <span className="badge" data-testid="review-status" data-status={review.status}>
            {REVIEW_LABEL[review.status]}
          </span>
        )}
        {w.annotation?.editedAt && (
          <span className="edited" title={new Date(w.annotation.editedAt).toLocaleString()}>
            {' '}
            edited {ago(w.annotation.editedAt, now)}
          </span>
        )}
      </td>
      <td title={new Date(when).toLocaleString()}>{ago(when, now)}</td>
      <td>
        {status === 'skipped' ? (
          <button type="button" onClick={() => props.onReopen(w)}>
            Reopen
            <span className="visually-hidden"> item {itemName}</span>
          </button>
        ) : (
          <Link to={`/projects/${project.id}/annotate?assignment=${w.assignment.id}`}>
            {editable ? 'Edit' : 'View'}
            <span className="visually-hidden"> item {itemName}</span>
          </Link>
        )}
      </td>
    </tr>
  );
}
