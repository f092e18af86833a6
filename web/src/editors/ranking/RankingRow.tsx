import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { KeyboardEvent } from 'react';
import { RichText } from '../../render/RichText.tsx';
import type { ShownCandidate } from '../candidates.ts';
import { previewOf } from './preview.ts';

export interface RankingRowProps {
  candidate: ShownCandidate;
  index: number;
  count: number;
  place: number;
  tied: boolean;
  allowTies: boolean;
  describedBy: string;
  /** Called with the new index (a move of one row up or down). */
  onMove: (to: number) => void;
  onTie: () => void;
  handleRef: (el: HTMLButtonElement | null) => void;
}

/**
 * One candidate in the ranking: its place, a handle (dragged by a pointer; focused, Alt+↑/↓ move
 * it), a short preview, buttons to move it, and, when ties are allowed, "tie with the one above".
 */
export function RankingRow(props: RankingRowProps) {
  const { candidate: c, index } = props;
  const sortable = useSortable({ id: c.id });
  const name = `Response ${c.letter}`;
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!e.altKey || e.ctrlKey || e.metaKey) return;
    const step = e.key === 'ArrowUp' ? -1 : e.key === 'ArrowDown' ? 1 : 0;
    if (step === 0) return;
    e.preventDefault();
    const to = index + step;
    if (to >= 0 && to < props.count) props.onMove(to);
  };
  return (
    <li
      ref={sortable.setNodeRef}
      className={`rank-row${props.tied ? ' tied' : ''}${sortable.isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      data-candidate={c.id}
    >
      <span className="rank-place" aria-hidden="true">
        {props.tied ? '=' : props.place}
      </span>
      <button
        type="button"
        className="rank-handle"
        ref={(el) => {
          sortable.setActivatorNodeRef(el);
          props.handleRef(el);
        }}
        {...sortable.listeners}
        onKeyDown={onKeyDown}
        aria-label={`${name}, place ${props.place}${props.tied ? ' (tied)' : ''}`}
        aria-describedby={props.describedBy}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      >
        <span aria-hidden="true">⠿ </span>
        {c.letter}
      </button>
      <div className="rank-preview">
        <RichText source={previewOf(c.content)} />
      </div>
      <button
        type="button"
        aria-label={`Move ${name} up`}
        disabled={index === 0}
        onClick={() => props.onMove(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        aria-label={`Move ${name} down`}
        disabled={index === props.count - 1}
        onClick={() => props.onMove(index + 1)}
      >
        ↓
      </button>
      {props.allowTies &&
        (index > 0 ? (
          <label className="rank-tie">
            <input type="checkbox" checked={props.tied} onChange={props.onTie} />
            <span>
              Tie <span className="visually-hidden">{name} </span>with the one above
            </span>
          </label>
        ) : (
          <span />
        ))}
    </li>
  );
}
