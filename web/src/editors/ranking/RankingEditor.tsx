import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useEffect, useId, useRef, useState } from 'react';
import type { RankingAnswer, RankingQuestion } from '../../../../core/interface/index.ts';
import type { ShownCandidate } from '../candidates.ts';
import type { EditorProps } from '../Question.tsx';
import { describePlace, move, orderOf, placeOf, type Row, rowsFrom, toggleTie } from './order.ts';
import { RankingRow } from './RankingRow.tsx';
import { RankingView } from './RankingView.tsx';

export type RankingProps = EditorProps<RankingQuestion, RankingAnswer> & {
  /** The candidates in the order shown; an unranked list starts in this order. */
  candidates: readonly ShownCandidate[];
};

/** dnd-kit speaks through our own live region (the same sentences for drags and keys). */
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/**
 * Order the candidates best first: drag a row by its handle, or focus the handle and press
 * Alt+↑/↓ (or the row's buttons); with ties allowed, "tie with the one above" puts a row in the
 * place above. Each move is said in a live region and keeps the focus on the moved row. A list
 * not ranked yet shows the order shown; "Keep this order" ranks it as it is.
 */
export function RankingEditor(props: RankingProps) {
  const { q, candidates } = props;
  const ids = candidates.map((c) => c.id);
  const { rows, ranked } = rowsFrom(props.value, ids, q.allowTies);
  const [said, say] = useState('');
  const focusNext = useRef<string | undefined>(undefined);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const help = useId();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  // After a move the moved row keeps the focus, wherever it is now.
  useEffect(() => {
    const id = focusNext.current;
    focusNext.current = undefined;
    if (id) handles.current.get(id)?.focus();
  });

  if (props.readOnly) return <RankingView value={props.value} candidates={candidates} />;
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const name = (id: string) => `Response ${byId.get(id)?.letter ?? id}`;
  /** Stores `next`; says where `changed` is now, and gives it the focus after a move. */
  const commit = (next: Row[], changed: string, focus: boolean) => {
    props.onChange({ order: orderOf(next) });
    if (focus) focusNext.current = changed;
    say(
      describePlace(
        next,
        next.findIndex((r) => r.id === changed),
        name,
      ),
    );
  };
  const keep = () => {
    props.onChange({ order: orderOf(rows) });
    focusNext.current = rows[0]?.id;
    say('Ranked in the order shown.');
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const from = rows.findIndex((r) => r.id === active.id);
    const to = over ? rows.findIndex((r) => r.id === over.id) : -1;
    if (from >= 0 && to >= 0 && from !== to) commit(move(rows, from, to), String(active.id), true);
  };

  return (
    <div className="ranking">
      <p className="muted small" id={help}>
        Best first. Drag a row by its handle, or focus the handle and press Alt+↑ or Alt+↓ to move it.
        {q.allowTies && ' "Tie with the one above" puts two answers in one place.'}
      </p>
      {!ranked && (
        <p className="ranking-unranked">
          Not ranked yet: the list is in the order shown.{' '}
          <button type="button" onClick={keep}>
            Keep this order
          </button>
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          announcements: SILENT,
          screenReaderInstructions: { draggable: 'Press Alt+Up or Alt+Down to move this answer.' },
        }}
      >
        <SortableContext items={rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <ol
            className={`rank-list${q.allowTies ? ' with-ties' : ''}`}
            aria-label={`${q.label ?? q.name}: best first`}
          >
            {rows.map((r, i) => {
              const c = byId.get(r.id);
              if (!c) return null;
              return (
                <RankingRow
                  key={r.id}
                  candidate={c}
                  index={i}
                  count={rows.length}
                  place={placeOf(rows, i)}
                  tied={r.tied}
                  allowTies={q.allowTies}
                  describedBy={`${help} ${props.describedBy}`}
                  onMove={(to) => commit(move(rows, i, to), r.id, true)}
                  onTie={() => commit(toggleTie(rows, i), r.id, false)}
                  handleRef={(el) => {
                    if (el) handles.current.set(r.id, el);
                    else handles.current.delete(r.id);
                  }}
                />
              );
            })}
          </ol>
        </SortableContext>
      </DndContext>
      {ranked && (
        <button type="button" className="ranking-clear" onClick={() => props.onChange(null)}>
          Clear the ranking
        </button>
      )}
      <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="ranking-said">
        {said}
      </p>
    </div>
  );
}
