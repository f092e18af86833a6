import { useCallback, useRef } from 'react';
import type { ChatTurn, TurnsQuestion } from '../../../../core/interface/index.ts';
import type { EditorProps } from '../Question.tsx';
import {
  assistantIndexes,
  markOf,
  ratedCount,
  type TurnPatch,
  type TurnsAnswer,
  updateMark,
} from './marks.ts';
import { TurnReadOnly, TurnRow } from './TurnRow.tsx';
import '../tutoring.css';

export interface TurnsEditorProps extends EditorProps<TurnsQuestion, TurnsAnswer> {
  data: Record<string, unknown>;
}

/**
 * The question asked of every assistant turn of a conversation, as a list keyed to the turns:
 * a rating (digits 1–9 pick on its radios), flags, a rewrite. Rows mount their controls lazily,
 * so a 200-turn conversation opens at once and a change re-renders only its row.
 */
export function TurnsEditor(props: TurnsEditorProps) {
  const { q, value, readOnly } = props;
  const chat = props.data[q.field];
  const turns = assistantIndexes(chat);
  const content = (i: number) => ((chat as ChatTurn[])[i]?.content ?? '') as string;
  // The rows' callback stays the same function, reading the latest answer when called.
  const latest = useRef({ value, onChange: props.onChange });
  latest.current = { value, onChange: props.onChange };
  const onUpdate = useCallback((turn: number, patch: TurnPatch) => {
    const { value: v, onChange } = latest.current;
    const next = updateMark(v, turn, patch);
    latest.current.value = next ?? undefined;
    onChange(next);
  }, []);

  if (turns.length === 0) return <p className="muted">This conversation has no assistant turns.</p>;
  if (readOnly) {
    const marked = value?.turns ?? [];
    return marked.length === 0 ? (
      <p className="muted">—</p>
    ) : (
      <ol className="turns-list">
        {marked.map((m) => (
          <TurnReadOnly
            key={m.turn}
            turn={m.turn}
            reply={turns.indexOf(m.turn) + 1}
            content={content(m.turn)}
            mark={m}
          />
        ))}
      </ol>
    );
  }
  return (
    <div className="turns">
      {q.rating && (
        <p className="muted small">
          {ratedCount(value)} of {turns.length} replies rated. Digits 1–9 pick a rating on its radios.
        </p>
      )}
      <ol className="turns-list">
        {turns.map((t, i) => (
          <TurnRow
            key={t}
            q={q}
            turn={t}
            reply={i + 1}
            content={content(t)}
            mark={markOf(value, t)}
            onUpdate={onUpdate}
          />
        ))}
      </ol>
    </div>
  );
}
