import { useId } from 'react';
import type { PairwiseQuestion, Preference } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { pairwiseLabels } from '../../../../core/interface/questions/pairwise-scale.ts';
import type { ShownCandidate } from '../candidates.ts';
import type { EditorProps } from '../Question.tsx';
import { ScaleRow } from './ScaleRow.tsx';
import './pairwise.css';
import {
  justificationRequired,
  type PairwiseDraft,
  pointOf,
  readPairwise,
  withCriterion,
  withJustification,
  withOverall,
} from './scale.ts';

type Props = EditorProps<PairwiseQuestion, PairwiseDraft> & {
  /** The two candidates in the order shown: A is the first, B the second. */
  candidates: readonly ShownCandidate[];
};

/**
 * A preference between two candidates on the question's symmetric scale, one row overall and one
 * per criterion, and a justification, marked required while the chosen strength needs one. A and
 * B are the candidates as this annotator was shown them; the answer names their ids.
 */
export function PairwiseEditor(props: Props) {
  const { q, candidates } = props;
  const base = useId();
  const draft = readPairwise(props.value);
  const labels = pairwiseLabels(q);
  const pair = candidates.map((c) => c.id);
  if (pair.length !== 2)
    return <p className="field-error">This question compares two answers; this item has {pair.length}.</p>;
  if (props.readOnly) return <PairwiseAnswerView q={q} draft={draft} candidates={candidates} />;
  const set = (next: PairwiseDraft | null) => props.onChange(next);
  const criteria = q.criteria ?? [];
  const required = justificationRequired(q.requireJustificationFrom, draft);
  const row = (name: string, value: Partial<Preference> | undefined, change: (p: Preference) => void) => (
    <ScaleRow
      name={name}
      labels={labels}
      pair={pair}
      value={value}
      onChange={change}
      digits={props.digits && name === q.name}
      describedBy={props.describedBy}
    />
  );
  return (
    <div className="pairwise">
      <p className="muted small">
        A is Response A, B is Response B, as shown above.
        {justificationRule(labels, q.requireJustificationFrom)}
      </p>
      {criteria.length === 0 ? (
        row(q.name, draft, (p) => set(withOverall(draft, p)))
      ) : (
        <>
          <fieldset className="scale-group">
            <legend>Overall</legend>
            {row(q.name, draft, (p) => set(withOverall(draft, p)))}
          </fieldset>
          {criteria.map((c) => (
            <fieldset key={c.name} className="scale-group">
              <legend>{c.label ?? c.name}</legend>
              {row(`${q.name}.${c.name}`, draft.criteria?.[c.name], (p) =>
                set(withCriterion(draft, c.name, p)),
              )}
            </fieldset>
          ))}
        </>
      )}
      <label className="justification" htmlFor={`${base}-why`}>
        <span>
          Justification
          {required ? (
            <span className="required-now"> (required)</span>
          ) : (
            <span className="muted"> (optional)</span>
          )}
        </span>
        <textarea
          id={`${base}-why`}
          rows={3}
          value={draft.justification ?? ''}
          aria-required={required || undefined}
          aria-describedby={props.describedBy}
          onChange={(e) => set(withJustification(draft, e.target.value))}
        />
      </label>
    </div>
  );
}

/** When a justification is needed, in the scale's own words. */
function justificationRule(labels: readonly string[], from: number | undefined): string {
  if (from === undefined) return '';
  if (from === 0) return ' A justification is needed for every choice.';
  const m = (labels.length - 1) / 2;
  const strongest = from === m ? '' : ' or stronger';
  return ` A justification is needed for "${labels[m - from]}", "${labels[m + from]}"${strongest}.`;
}

/** A pairwise answer, read-only: each row's label and the candidate it prefers, by letter and id. */
function PairwiseAnswerView(props: {
  q: PairwiseQuestion;
  draft: PairwiseDraft;
  candidates: readonly ShownCandidate[];
}) {
  const { q, draft, candidates } = props;
  const labels = pairwiseLabels(q);
  const pair = candidates.map((c) => c.id);
  const said = (p: Partial<Preference> | undefined) => {
    const point = pointOf(p, pair, labels.length);
    if (point === undefined) return '—';
    const c = candidates.find((x) => x.id === p?.preferred);
    return c ? `${labels[point]} (prefers Response ${c.letter}, id "${c.id}")` : `${labels[point]} (a tie)`;
  };
  const criteria = q.criteria ?? [];
  return (
    <dl className="pairs compact pairwise-answer">
      <div>
        <dt>{criteria.length > 0 ? 'Overall' : 'Preference'}</dt>
        <dd>{said(draft)}</dd>
      </div>
      {criteria.map((c) => (
        <div key={c.name}>
          <dt>{c.label ?? c.name}</dt>
          <dd>{said(draft.criteria?.[c.name])}</dd>
        </div>
      ))}
      <div>
        <dt>Justification</dt>
        <dd className="answer-readonly text">{draft.justification ?? '—'}</dd>
      </div>
    </dl>
  );
}
