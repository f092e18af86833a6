import type { KeyboardEvent } from 'react';
import type { CriterionScore } from '../../../../core/interface/index.ts';
import { digitPick } from '../digit-pick.ts';
import { type Criterion, MAX_RADIOS, scaleOptions } from './grades.ts';

/**
 * One criterion of one column: radios for a short scale (digits 1–9 pick), a number box for a
 * long one, Pass/Fail radios for pass/fail; and the comment box when the rubric takes comments.
 */
export function RubricCell(props: {
  criterion: Criterion;
  /** "Accuracy, Response A": names the cell's controls. */
  name: string;
  groupName: string;
  score: CriterionScore | undefined;
  comments: boolean;
  describedBy: string;
  onScore: (score: number | boolean | null) => void;
  onComment: (comment: string) => void;
}) {
  const { criterion: c, score } = props;
  const options = scaleOptions(c);
  const scale = c.scale;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const i = digitPick(e, options.length);
    if (i === undefined) return;
    e.preventDefault();
    props.onScore(options[i]!.value);
  };
  return (
    <div className="rubric-cell">
      {options.length > MAX_RADIOS && scale !== 'pass_fail' ? (
        <input
          type="number"
          className="rubric-number"
          min={scale.min}
          max={scale.max}
          step={1}
          aria-label={`${props.name} (${scale.min} to ${scale.max})`}
          aria-describedby={props.describedBy}
          value={typeof score?.score === 'number' ? score.score : ''}
          onChange={(e) => {
            const n = e.target.valueAsNumber;
            props.onScore(Number.isInteger(n) && n >= scale.min && n <= scale.max ? n : null);
          }}
        />
      ) : (
        <div role="radiogroup" aria-label={props.name} className="options horizontal rubric-scale">
          {options.map((o) => (
            <label key={String(o.value)} className="option">
              <input
                type="radio"
                name={props.groupName}
                checked={score?.score === o.value}
                onChange={() => props.onScore(o.value)}
                onKeyDown={onKeyDown}
                aria-describedby={props.describedBy}
              />
              <span>{o.label}</span>
            </label>
          ))}
        </div>
      )}
      {props.comments && (
        <textarea
          rows={1}
          className="rubric-comment"
          aria-label={`Comment on ${props.name}`}
          placeholder={score ? 'Comment (optional)' : 'Score first to comment'}
          disabled={!score}
          value={score?.comment ?? ''}
          onChange={(e) => props.onComment(e.target.value)}
        />
      )}
    </div>
  );
}

/** A cell as read on an item page: the score and the comment. */
export function RubricCellReadOnly({ score }: { score: CriterionScore | undefined }) {
  if (!score) return <span className="muted">—</span>;
  const shown = typeof score.score === 'boolean' ? (score.score ? 'Pass' : 'Fail') : String(score.score);
  return (
    <>
      <strong>{shown}</strong>
      {score.comment && <p className="rubric-comment-readonly">{score.comment}</p>}
    </>
  );
}
