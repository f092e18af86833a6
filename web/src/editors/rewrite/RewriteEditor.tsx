import { useState } from 'react';
import type { RewriteAnswer, RewriteQuestion } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { codePointLength } from '../../../../core/interface/offsets.ts';
import { RichText } from '../../render/RichText.tsx';
import { CandidatePicker } from '../CandidatePicker.tsx';
import { ConfirmBar } from '../ConfirmBar.tsx';
import { candidateName, shownCandidates } from '../candidates.ts';
import type { EditorProps } from '../Question.tsx';
import { useDebounced } from '../useDebounced.ts';
import { useIntegritySignals } from '../useIntegritySignals.ts';
import { DiffView } from './DiffView.tsx';
import { originalOf, startFrom, switchLosesWork, withText } from './source.ts';
import '../tutoring.css';

/** How long typing must pause before the diff and the preview follow it. */
const SETTLE_MS = 250;

export interface RewriteEditorProps extends EditorProps<RewriteQuestion, RewriteAnswer> {
  data: Record<string, unknown>;
  shown?: readonly string[] | undefined;
}

/**
 * Write the ideal answer: start from a candidate (its text fills the box) or from scratch, edit,
 * and see the word-level changes against the candidate and a preview of the Markdown, both
 * following the typing once it pauses. The answer keeps the text and the source candidate's id;
 * the box's integrity signals (pastes, typing, focus changes) are measured as a text answer's are.
 */
export function RewriteEditor(props: RewriteEditorProps) {
  const { q, value, readOnly } = props;
  const candidates = q.field === undefined ? [] : shownCandidates(props.data, q.field, props.shown);
  const source = value?.source ?? null;
  const original = originalOf(candidates, source);
  const against = source === null ? undefined : candidateName(candidates, source);
  const text = value?.text ?? '';
  const settled = useDebounced(text, SETTLE_MS);
  const [view, setView] = useState<'changes' | 'preview'>('changes');
  const [pending, setPending] = useState<{ to: string | null }>();
  const shownView = against === undefined ? 'preview' : view;
  // Pastes, typing and focus changes in the box, for the reviewers' integrity flags.
  const { handlers } = useIntegritySignals(q.name);

  if (readOnly)
    return (
      <div className="rewrite">
        {q.field !== undefined && (
          <p className="picker-readonly">
            <span className="muted">Started from: </span>
            {against ?? 'a blank page (written from scratch)'}
          </p>
        )}
        {text.trim() === '' ? (
          <p className="muted">—</p>
        ) : (
          <RichText source={text} className="rewrite-text" />
        )}
        {against !== undefined && text.trim() !== '' && (
          <details className="rewrite-changes">
            <summary>Changes against {against}</summary>
            <DiffView original={original} text={text} against={against} />
          </details>
        )}
      </div>
    );

  const pick = (id: string | null) => {
    if (value !== undefined && id === source) return;
    if (switchLosesWork(value, candidates)) setPending({ to: id });
    else props.onChange(startFrom(candidates, id));
  };
  const length = codePointLength(text);
  return (
    <div className="rewrite">
      {q.field !== undefined && (
        <CandidatePicker
          legend="Start from"
          name={`${q.name}-source`}
          candidates={candidates}
          value={value === undefined ? undefined : source}
          onPick={pick}
          readOnly={false}
          describedBy={props.describedBy}
          none="Write from scratch"
        />
      )}
      {pending && (
        <ConfirmBar
          message={`Replace your text with ${pending.to === null ? 'a blank page' : `the text of ${candidateName(candidates, pending.to)}`}? Your edits are lost (Undo brings them back).`}
          confirm={
            pending.to === null ? 'Start from scratch' : `Start from ${candidateName(candidates, pending.to)}`
          }
          cancel="Keep my text"
          onConfirm={() => {
            props.onChange(startFrom(candidates, pending.to));
            setPending(undefined);
          }}
          onCancel={() => setPending(undefined)}
        />
      )}
      <textarea
        className="rewrite-input"
        rows={12}
        aria-label={q.label ?? q.name}
        aria-describedby={props.describedBy}
        value={text}
        spellCheck
        onChange={(e) => props.onChange(withText(value, e.target.value))}
        {...handlers}
      />
      {length > q.maxLength * 0.8 && (
        <p className={length > q.maxLength ? 'field-error' : 'muted small'}>
          {length} of {q.maxLength} characters
        </p>
      )}
      <div className="rewrite-views">
        {against !== undefined && (
          <div className="row rewrite-view-switch">
            <button type="button" aria-pressed={shownView === 'changes'} onClick={() => setView('changes')}>
              Changes
            </button>
            <button type="button" aria-pressed={shownView === 'preview'} onClick={() => setView('preview')}>
              Preview
            </button>
          </div>
        )}
        {shownView === 'changes' && against !== undefined ? (
          <DiffView original={original} text={settled} against={against} />
        ) : settled.trim() === '' ? (
          <p className="muted small">The preview of your answer shows here as you write.</p>
        ) : (
          <section className="rewrite-preview" aria-label="Preview">
            <RichText source={settled} className="rewrite-text" />
          </section>
        )}
      </div>
    </div>
  );
}
