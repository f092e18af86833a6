import { useCallback, useRef, useState } from 'react';
import { type History, record, redo, startHistory, undo } from '../editors/history.ts';

type Answers = Record<string, unknown>;

/**
 * The answers being edited, with undo/redo. Every change (including undo) is reported to
 * `onChange` so the draft is written through and autosaved.
 */
export function useAnswers(initial: Answers, onChange: (answers: Answers) => void) {
  const [history, setHistory] = useState<History<Answers>>(() => startHistory(initial));
  const ref = useRef(history);
  const apply = useCallback(
    (next: History<Answers>) => {
      if (next === ref.current) return;
      ref.current = next;
      setHistory(next);
      onChange(next.present);
    },
    [onChange],
  );
  /** Sets new answers; `changed` names the question, and typing in a text box coalesces. */
  const set = useCallback(
    (answers: Answers, changed: string, coalesce: boolean) =>
      apply(record(ref.current, answers, { key: changed, at: Date.now(), coalesce })),
    [apply],
  );
  return {
    answers: history.present,
    canUndo: history.past.length > 0,
    set,
    undo: useCallback(() => apply(undo(ref.current)), [apply]),
    redo: useCallback(() => apply(redo(ref.current)), [apply]),
    current: () => ref.current.present,
  };
}
