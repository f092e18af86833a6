import { useState } from 'react';
import type { RubricAnswer, RubricQuestion } from '../../../../core/interface/index.ts';
import { CandidatePicker } from '../CandidatePicker.tsx';
import { ConfirmBar } from '../ConfirmBar.tsx';
import { candidateName, shownCandidates } from '../candidates.ts';
import type { EditorProps } from '../Question.tsx';
import {
  type Column,
  chooseCandidate,
  columnsOf,
  formatTotal,
  gradedCandidate,
  gradeMode,
  gradeOf,
  liveTotal,
  scoredCount,
  setComment,
  setScore,
} from './grades.ts';
import { RubricCell, RubricCellReadOnly } from './RubricCell.tsx';
import '../tutoring.css';

export interface RubricEditorProps extends EditorProps<RubricQuestion, RubricAnswer> {
  data: Record<string, unknown>;
  /** The annotator's shown order of the field's candidates. */
  shown?: readonly string[] | undefined;
}

/**
 * A grid of criteria (rows) by what is graded (columns: each candidate, the one the tutor picks,
 * or the text), with each column's weighted total under it, computed live by core's rubricTotal.
 */
export function RubricEditor(props: RubricEditorProps) {
  const { q, value, readOnly } = props;
  const candidates = shownCandidates(props.data, q.field, props.shown);
  const mode = gradeMode(q, candidates);
  const columns = columnsOf(mode, candidates, value);
  const [pending, setPending] = useState<string>();
  const colName = (col: Column) => (col.candidate ? `Response ${col.candidate.letter}` : 'The text');

  const pick = (id: string | null) => {
    if (id === null || id === gradedCandidate(value)) return;
    const scored = scoredCount(q, value?.grades[0]) > 0;
    if (scored) setPending(id);
    else props.onChange(chooseCandidate(id));
  };
  return (
    <div className="rubric">
      {mode === 'one' && (
        <CandidatePicker
          legend="Grade which answer"
          name={`${q.name}-graded`}
          candidates={candidates}
          value={gradedCandidate(value)}
          onPick={pick}
          readOnly={readOnly}
          describedBy={props.describedBy}
        />
      )}
      {pending !== undefined && (
        <ConfirmBar
          message={`Grading another answer clears the ${scoredCount(q, value?.grades[0])} scores given so far.`}
          confirm={`Grade ${candidateName(candidates, pending)}`}
          cancel="Keep my scores"
          onConfirm={() => {
            props.onChange(chooseCandidate(pending));
            setPending(undefined);
          }}
          onCancel={() => setPending(undefined)}
        />
      )}
      {columns.length > 0 && (
        <div className="rubric-scroll">
          <table className="rubric-grid">
            <caption className="visually-hidden">
              {q.label ?? q.name}: criteria by {mode === 'text' ? 'the text' : 'answer'}
            </caption>
            <thead>
              <tr>
                <th scope="col">Criterion</th>
                {columns.map((col) => (
                  <th scope="col" key={col.candidate?.id ?? ''}>
                    {colName(col)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {q.criteria.map((c) => (
                <tr key={c.name}>
                  <th scope="row" className="rubric-criterion">
                    {c.label ?? c.name}
                    <span className="muted small rubric-meta">
                      {c.scale === 'pass_fail' ? 'pass/fail' : `${c.scale.min}–${c.scale.max}`}
                      {c.weight !== 1 && ` · weight ${c.weight}`}
                    </span>
                    {c.description && <span className="muted small rubric-desc">{c.description}</span>}
                  </th>
                  {columns.map((col, colIndex) => {
                    const id = col.candidate?.id;
                    const score = gradeOf(value, id)?.scores[c.name];
                    return (
                      <td key={id ?? ''}>
                        {readOnly ? (
                          <RubricCellReadOnly score={score} />
                        ) : (
                          <RubricCell
                            criterion={c}
                            name={`${c.label ?? c.name}, ${colName(col)}`}
                            groupName={`${q.name}:${colIndex}:${c.name}`}
                            score={score}
                            comments={q.comments}
                            describedBy={props.describedBy}
                            onScore={(s) => props.onChange(setScore(q, mode, value, id, c.name, s))}
                            onComment={(t) => props.onChange(setComment(q, mode, value, id, c.name, t))}
                          />
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Weighted total</th>
                {columns.map((col) => {
                  const grade = gradeOf(value, col.candidate?.id);
                  const scored = scoredCount(q, grade);
                  return (
                    <td key={col.candidate?.id ?? ''}>
                      <output className="rubric-total" aria-label={`Weighted total, ${colName(col)}`}>
                        {scored === 0 ? '—' : formatTotal(liveTotal(q, grade))}
                      </output>
                      <span className="muted small rubric-scored">
                        {scored} of {q.criteria.length} scored
                      </span>
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </div>
  );
}
