import { type KeyboardEvent, type Ref, useId, useState } from 'react';
import type { StepMark, StepVerdict } from '../../../../core/interface/index.ts';
import { RichText } from '../../render/RichText.tsx';
import { KeyHint } from '../KeyHint.tsx';
import { VERDICT_LABELS, verdictForKey } from './marks.ts';

const VERDICTS: readonly StepVerdict[] = ['correct', 'incorrect', 'unverifiable'];
const KEY_OF: Record<StepVerdict, string> = { correct: 'C', incorrect: 'I', unverifiable: 'U' };
/** A sign beside the verdict's word, so the verdict never rests on colour alone. */
export const VERDICT_SIGNS: Record<StepVerdict, string> = { correct: '✓', incorrect: '✗', unverifiable: '?' };

export interface StepItemProps {
  index: number;
  count: number;
  text: string;
  mark: StepMark | null;
  /** This step is the first incorrect one: its correction is required. */
  firstError: boolean;
  /** The one step in the Tab order (roving focus). */
  tabbable: boolean;
  headRef: Ref<HTMLDivElement>;
  correctionRef: Ref<HTMLTextAreaElement>;
  groupName: string;
  onFocusStep: () => void;
  onVerdict: (verdict: StepVerdict, byKey: boolean) => void;
  onMove: (delta: number) => void;
  onNote: (key: 'correction' | 'comment', text: string) => void;
}

/**
 * One step: its number and verdict, its text (rendered, sanitised), the verdict radios, and the
 * correction (incorrect steps; required on the first) and comment boxes. On the focused step
 * C / I / U mark and ↑ / ↓ move; Escape in a box returns to the step.
 */
export function StepItem(props: StepItemProps) {
  const id = useId();
  const { mark, index } = props;
  const [commenting, setCommenting] = useState(false);
  const n = index + 1;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement) {
      if (e.key === 'Escape') {
        e.preventDefault();
        (e.currentTarget.querySelector('.step-head') as HTMLElement | null)?.focus();
      }
      return;
    }
    const verdict = verdictForKey(e);
    if (verdict) {
      e.preventDefault();
      props.onVerdict(verdict, true);
      return;
    }
    if (!target.classList.contains('step-head') || e.altKey || e.ctrlKey || e.metaKey) return;
    const delta = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (delta === undefined) return;
    e.preventDefault();
    props.onMove(delta);
  };
  return (
    <li className={`step${mark ? ` verdict-${mark.verdict}` : ''}`} onKeyDown={onKeyDown}>
      {/* biome-ignore lint/a11y/useSemanticElements: a focusable head (roving focus, keys C/I/U) named by its number and verdict, not a form group */}
      <div
        className="step-head"
        ref={props.headRef}
        role="group"
        tabIndex={props.tabbable ? 0 : -1}
        aria-labelledby={`${id}-n ${id}-v`}
        aria-describedby={`${id}-t`}
        aria-keyshortcuts="C I U ArrowUp ArrowDown"
        onFocus={props.onFocusStep}
      >
        <span className="step-top">
          <span id={`${id}-n`} className="step-number">
            Step {n} of {props.count}
          </span>
          <span id={`${id}-v`} className="step-verdict">
            {mark ? (
              <>
                <span aria-hidden="true">{VERDICT_SIGNS[mark.verdict]} </span>
                {VERDICT_LABELS[mark.verdict]}
              </>
            ) : (
              <span className="muted">unmarked</span>
            )}
          </span>
        </span>
        <div id={`${id}-t`}>
          <RichText source={props.text} className="step-text" />
        </div>
      </div>
      <div role="radiogroup" aria-label={`Step ${n} verdict`} className="options horizontal step-verdicts">
        {VERDICTS.map((v) => (
          <label key={v} className="option">
            <input
              type="radio"
              name={props.groupName}
              checked={mark?.verdict === v}
              onChange={() => props.onVerdict(v, false)}
              aria-keyshortcuts={KEY_OF[v]}
            />
            <span>{VERDICT_LABELS[v]}</span>
            <KeyHint>{KEY_OF[v]}</KeyHint>
          </label>
        ))}
      </div>
      {mark?.verdict === 'incorrect' && (
        <label className="step-note">
          <span>
            Correction of step {n}
            <span className="muted small">
              {props.firstError ? ' (required: the first incorrect step)' : ' (optional)'}
            </span>
          </span>
          <textarea
            rows={2}
            ref={props.correctionRef}
            required={props.firstError}
            aria-invalid={props.firstError && !mark.correction ? true : undefined}
            value={mark.correction ?? ''}
            onChange={(e) => props.onNote('correction', e.target.value)}
          />
        </label>
      )}
      {mark && (mark.comment !== undefined || commenting) ? (
        <label className="step-note">
          <span>
            Comment on step {n} <span className="muted small">(optional)</span>
          </span>
          <textarea
            rows={1}
            // biome-ignore lint/a11y/noAutofocus: the box opens because the tutor asked for it
            autoFocus={commenting && mark.comment === undefined}
            value={mark.comment ?? ''}
            onChange={(e) => props.onNote('comment', e.target.value)}
          />
        </label>
      ) : (
        mark && (
          <button type="button" className="small step-comment-open" onClick={() => setCommenting(true)}>
            Add a comment on step {n}
          </button>
        )
      )}
    </li>
  );
}

/** A step as read on an item page. */
export function StepReadOnly(props: { index: number; count: number; text: string; mark: StepMark | null }) {
  const { mark } = props;
  return (
    <li className={`step${mark ? ` verdict-${mark.verdict}` : ''}`}>
      <span className="step-top">
        <span className="step-number">
          Step {props.index + 1} of {props.count}
        </span>
        <span className="step-verdict">
          {mark ? (
            <>
              <span aria-hidden="true">{VERDICT_SIGNS[mark.verdict]} </span>
              {VERDICT_LABELS[mark.verdict]}
            </>
          ) : (
            <span className="muted">unmarked</span>
          )}
        </span>
      </span>
      <RichText source={props.text} className="step-text" />
      {mark?.correction && (
        <p className="step-note-readonly">
          <span className="muted">Correction: </span>
          {mark.correction}
        </p>
      )}
      {mark?.comment && (
        <p className="step-note-readonly">
          <span className="muted">Comment: </span>
          {mark.comment}
        </p>
      )}
    </li>
  );
}
