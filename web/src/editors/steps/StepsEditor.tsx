import { useEffect, useRef, useState } from 'react';
import type { StepsAnswer, StepsQuestion } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { stepsOf } from '../../../../core/interface/questions/steps-split.ts';
import { CandidatePicker } from '../CandidatePicker.tsx';
import { ConfirmBar } from '../ConfirmBar.tsx';
import { candidateName, shownCandidates } from '../candidates.ts';
import type { EditorProps } from '../Question.tsx';
import { firstErrorOf, markedCount, marksOf, moveIndex, setNote, setVerdict, startOn } from './marks.ts';
import { StepItem, StepReadOnly } from './StepItem.tsx';
import '../tutoring.css';

export interface StepsEditorProps extends EditorProps<StepsQuestion, StepsAnswer> {
  data: Record<string, unknown>;
  shown?: readonly string[] | undefined;
}

/**
 * Check a response step by step: the steps of the chosen candidate (core's stepsOf, so numbers
 * mean what the validator and exports mean), each marked correct, incorrect or unverifiable.
 * Keys on a step: C / I / U mark it (and move to the next, or into the correction the first
 * incorrect step needs), ↑ / ↓ move between steps.
 */
export function StepsEditor(props: StepsEditorProps) {
  const { q, value, readOnly } = props;
  const candidates = shownCandidates(props.data, q.field, props.shown);
  const over = candidates.length > 0;
  const candidate = over ? (value?.candidate ?? candidates[0]?.id) : undefined;
  const steps = stepsOf(q, props.data, candidate) ?? [];
  const marks = marksOf(value, steps.length);
  const firstError = firstErrorOf(marks);
  const [active, setActive] = useState(0);
  const [pending, setPending] = useState<string>();
  const heads = useRef<(HTMLDivElement | null)[]>([]);
  const corrections = useRef<(HTMLTextAreaElement | null)[]>([]);
  const [focusNext, setFocusNext] = useState<{ at: number; where: 'head' | 'correction' }>();

  // Focus moves after the render that shows the step's new state (a correction box appears).
  useEffect(() => {
    if (!focusNext) return;
    const el = focusNext.where === 'head' ? heads.current[focusNext.at] : corrections.current[focusNext.at];
    el?.focus();
    setFocusNext(undefined);
  }, [focusNext]);

  const pick = (id: string | null) => {
    if (id === null || id === candidate) return;
    if (markedCount(marks) > 0) setPending(id);
    else switchTo(id);
  };
  const switchTo = (id: string) => {
    props.onChange(startOn(id, stepsOf(q, props.data, id)?.length ?? 0));
    setActive(0);
  };
  const mark = (i: number, verdict: Parameters<typeof setVerdict>[3], byKey: boolean) => {
    const next = setVerdict(value, steps.length, i, verdict, candidate);
    props.onChange(next);
    if (!byKey) return;
    const nextMarks = marksOf(next ?? undefined, steps.length);
    if (verdict === 'incorrect' && firstErrorOf(nextMarks) === i && !nextMarks[i]?.correction)
      setFocusNext({ at: i, where: 'correction' });
    else if (i + 1 < steps.length) {
      setActive(i + 1);
      setFocusNext({ at: i + 1, where: 'head' });
    }
  };

  const picker = over && (
    <CandidatePicker
      legend="Check the steps of"
      name={`${q.name}-candidate`}
      candidates={candidates}
      value={candidate}
      onPick={pick}
      readOnly={readOnly}
      describedBy={props.describedBy}
    />
  );
  if (steps.length === 0)
    return (
      <div className="steps">
        {picker}
        <p className="muted">This {over ? 'answer' : 'item'} has no steps to check.</p>
      </div>
    );
  const summary = (
    <p className="muted small steps-summary">
      {markedCount(marks)} of {steps.length} steps marked
      {firstError !== null && ` · first error: step ${firstError + 1}`}
    </p>
  );
  if (readOnly)
    return (
      <div className="steps">
        {picker}
        {summary}
        <ol className="steps-list">
          {steps.map((text, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positions; their text may repeat
            <StepReadOnly key={i} index={i} count={steps.length} text={text} mark={marks[i] ?? null} />
          ))}
        </ol>
      </div>
    );
  return (
    <div className="steps">
      {picker}
      {pending !== undefined && (
        <ConfirmBar
          message={`Checking another answer clears the ${markedCount(marks)} steps marked so far.`}
          confirm={`Check ${candidateName(candidates, pending)}`}
          cancel="Keep my marks"
          onConfirm={() => {
            switchTo(pending);
            setPending(undefined);
          }}
          onCancel={() => setPending(undefined)}
        />
      )}
      <p className="muted small">
        On a step: <kbd>C</kbd> correct, <kbd>I</kbd> incorrect, <kbd>U</kbd> unverifiable, <kbd>↑</kbd>{' '}
        <kbd>↓</kbd> move; <kbd>Esc</kbd> in a box returns to its step.
      </p>
      {summary}
      <ol className="steps-list">
        {steps.map((text, i) => (
          <StepItem
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are positions; their text may repeat
            key={`${candidate ?? ''}:${i}`}
            index={i}
            count={steps.length}
            text={text}
            mark={marks[i] ?? null}
            firstError={firstError === i}
            tabbable={i === Math.min(active, steps.length - 1)}
            headRef={(el) => {
              heads.current[i] = el;
            }}
            correctionRef={(el) => {
              corrections.current[i] = el;
            }}
            groupName={`${q.name}:step:${i}`}
            onFocusStep={() => setActive(i)}
            onVerdict={(v, byKey) => mark(i, v, byKey)}
            onMove={(d) => {
              const to = moveIndex(i, d, steps.length);
              setActive(to);
              heads.current[to]?.focus();
            }}
            onNote={(key, t) => props.onChange(setNote(value, steps.length, i, key, t, candidate))}
          />
        ))}
      </ol>
    </div>
  );
}
