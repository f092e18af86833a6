import { type KeyboardEvent, memo, useEffect, useRef } from 'react';
import { stamp } from './kernels.ts';
import { LabelSelect, SpeakerField } from './RegionFields.tsx';
import type { RegionActions, RegionQuestion } from './RegionTable.tsx';
import type { Segment } from './regions.ts';

export interface TranscriptActions extends RegionActions {
  /** Enter in a line, the caret at `caret` in its text (see SegmentsEditor's `breakLine`). */
  breakLine: (index: number, caret: number) => void;
  /** Backspace at the start of a line: it joins the line before. */
  joinPrevious: (index: number) => void;
}

/**
 * The regions as a running transcript of the whole file: a line per region with its timestamps,
 * typed into directly. The line playing is marked and kept in view. `focusLine` (with a caret
 * offset) is the line to focus after a split or a join.
 */
export function TranscriptView(props: {
  caption: string;
  q: RegionQuestion;
  segments: readonly Segment[];
  selected: number | undefined;
  current: number | undefined;
  focusLine: { index: number; caret: number; n: number } | undefined;
  readOnly: boolean;
  listId: string;
  actions: TranscriptActions;
}) {
  const box = useRef<HTMLOListElement>(null);
  // The playing line stays in view inside the transcript's own scroll box (the page stays put).
  useEffect(() => {
    const el = box.current;
    const line = el?.querySelector<HTMLElement>(`[data-line="${props.current}"]`);
    if (!el || !line) return;
    const top = line.offsetTop - el.offsetTop;
    if (top < el.scrollTop || top + line.offsetHeight > el.scrollTop + el.clientHeight)
      el.scrollTop = Math.max(0, top - el.clientHeight / 3);
  }, [props.current]);
  const { focusLine } = props;
  useEffect(() => {
    if (!focusLine) return;
    const input = box.current?.querySelector<HTMLInputElement>(`[data-line="${focusLine.index}"] .line-text`);
    input?.focus();
    input?.setSelectionRange(focusLine.caret, focusLine.caret);
  }, [focusLine]);
  if (props.segments.length === 0)
    return (
      <p className="muted small">
        No lines yet: drag on the waveform, press [ and ] at the playhead, or press Enter on the player.
      </p>
    );
  return (
    <ol ref={box} className="transcript" aria-label={props.caption}>
      {props.segments.map((s, i) => (
        <Line
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positions in the sorted list
          key={i}
          index={i}
          seg={s}
          q={props.q}
          selected={props.selected === i}
          current={props.current === i}
          readOnly={props.readOnly}
          listId={props.listId}
          actions={props.actions}
        />
      ))}
    </ol>
  );
}

const Line = memo(function Line(p: {
  index: number;
  seg: Segment;
  q: RegionQuestion;
  selected: boolean;
  current: boolean;
  readOnly: boolean;
  listId: string;
  actions: TranscriptActions;
}) {
  const { seg: s, q, index: i, actions: a } = p;
  const when = `${stamp(s.start)} – ${stamp(s.end)}`;
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || p.readOnly) return;
    const caret = e.currentTarget.selectionStart ?? 0;
    const collapsed = caret === e.currentTarget.selectionEnd;
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      a.breakLine(i, caret);
    } else if (e.key === 'Backspace' && collapsed && caret === 0 && i > 0) {
      e.preventDefault();
      a.joinPrevious(i);
    } else if (e.key === 'Escape') {
      // Back to the player, whose keys play, pause and seek while listening on.
      e.preventDefault();
      e.currentTarget.closest('.segments-editor')?.querySelector<HTMLElement>('.waveform')?.focus();
    }
  };
  const cls = `transcript-line${p.current ? ' current' : ''}${p.selected ? ' selected' : ''}`;
  return (
    <li className={cls} data-line={i} aria-current={p.current ? 'time' : undefined}>
      <button
        type="button"
        className="line-stamp"
        aria-label={`Go to ${when}`}
        onClick={() => a.select(i, true)}
      >
        [{when}]
      </button>
      {q.speakers !== 'none' && (
        <SpeakerField
          names={q.speakerNames}
          listId={p.listId}
          value={s.speaker}
          label={`Speaker, ${when}`}
          readOnly={p.readOnly}
          onChange={(speaker) => a.patch(i, { speaker })}
        />
      )}
      {q.labels && (
        <LabelSelect
          labels={q.labels}
          value={s.label}
          label={`Label, ${when}`}
          disabled={p.readOnly}
          onChange={(label) => a.patch(i, { label })}
        />
      )}
      <input
        className="line-text"
        type="text"
        aria-label={`Text, ${when}`}
        aria-keyshortcuts="Enter Backspace Escape"
        readOnly={p.readOnly}
        value={s.text ?? ''}
        onFocus={() => a.select(i, false)}
        onChange={(e) => a.patch(i, { text: e.target.value })}
        onKeyDown={onKeyDown}
      />
    </li>
  );
});
