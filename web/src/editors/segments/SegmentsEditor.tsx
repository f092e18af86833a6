import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { SegmentAnswer, SegmentsQuestion } from '../../../../core/interface/index.ts';
import { compareSegments } from '../../../../core/interface/index.ts';
import type { PlayerHandle } from '../audio/player-handle.ts';
import { WaveformPlayer } from '../audio/WaveformPlayer.tsx';
import type { EditorProps } from '../Question.tsx';
import {
  appendAfter,
  createRegion,
  type Edit,
  mergeWithPrevious,
  NEW_SEGMENT_SECONDS,
  patchRegion,
  type RegionRules,
  regionAt,
  removeRegion,
  type Segment,
  snapTime,
  speakersUsed,
  splitRegion,
  stepRegion,
} from './kernels.ts';
import {
  type BracketPlan,
  bracket,
  type DragEvent,
  type DragPlan,
  editFor,
  idle,
  pendingPlan,
  transition,
} from './machine.ts';
import { type LayerPointer, RegionLayer } from './RegionLayer.tsx';
import { RegionTable } from './RegionTable.tsx';
import { SegmentsBar } from './SegmentsBar.tsx';
import { TranscriptView } from './TranscriptView.tsx';
import './segments.css';

const NONE: Segment[] = [];
const PALETTE = 8;
const fmt = (t: number) => String(Math.round(t * 1000) / 1000);
const describe = (s: Segment) => `${s.label ?? 'unlabelled'} region ${fmt(s.start)}–${fmt(s.end)} s`;
const sorted = (v: readonly Segment[]) =>
  v.every((s, i) => i === 0 || compareSegments(v[i - 1]!, s) <= 0) ? v : [...v].sort(compareSegments);

/**
 * Regions of an audio field (docs/media.md, "Marking regions"): drawn over the waveform player,
 * listed beside it (or, in transcript mode, a running transcript). The component renders and
 * dispatches: the pointer is the state machine in machine.ts, the time arithmetic the kernels.
 */
export function SegmentsEditor(
  props: EditorProps<SegmentsQuestion, SegmentAnswer[]> & { itemId: number | undefined; fieldLabel: string },
) {
  const { q, readOnly } = props;
  const segs = useMemo(() => sorted(props.value ?? NONE) as Segment[], [props.value]);
  const player = useRef<PlayerHandle>(null);
  const [selectedAt, setSelected] = useState<number>();
  const selected = selectedAt !== undefined && selectedAt < segs.length ? selectedAt : undefined;
  const [mark, setMark] = useState<number>();
  const [nextLabel, setNextLabel] = useState<string>();
  const [drag, setDrag] = useState(idle);
  const dragRef = useRef(drag);
  const [status, setStatus] = useState('');
  const [current, setCurrent] = useState<number>();
  const [focusLine, setFocusLine] = useState<{ index: number; caret: number; n: number }>();
  const listId = useId();
  const helpId = useId();
  const transcript = q.mode === 'transcript';

  const rules = (): RegionRules => ({
    allowOverlap: q.allowOverlap,
    minLength: q.minLength,
    maxLength: q.maxLength,
    duration: player.current?.duration() || Number.POSITIVE_INFINITY,
  });
  const time = () => player.current?.time() ?? 0;
  const extra = () => (nextLabel ? { label: nextLabel } : {});
  const commit = (edit: Edit, message: (s: Segment) => string): number | undefined => {
    if (!edit.ok) {
      setStatus(edit.message);
      return undefined;
    }
    props.onChange(edit.segments.length > 0 ? edit.segments : null);
    setSelected(edit.index);
    setStatus(message(edit.segments[edit.index]!));
    return edit.index;
  };

  const runPlan = (plan: DragPlan | BracketPlan) => {
    switch (plan.type) {
      case 'click':
        setSelected(plan.index);
        player.current?.seek(plan.t);
        setStatus(plan.index === undefined ? '' : `Selected ${describe(segs[plan.index]!)}.`);
        return;
      case 'mark':
        setMark(snapTime(plan.t));
        setSelected(undefined);
        setStatus(`Start marked at ${fmt(snapTime(plan.t))} s: press ] at the end.`);
        return;
      case 'refuse':
        setStatus(plan.message);
        return;
      case 'create':
        setMark(undefined);
        commit(editFor(plan, segs, rules(), extra()), (s) => `Created ${describe(s)}.`);
        return;
      default:
        commit(
          editFor(plan, segs, rules()),
          (s) => `${plan.type === 'move' ? 'Moved' : 'Resized'} ${describe(s)}.`,
        );
    }
  };
  const dispatch = (event: DragEvent) => {
    const r = transition(dragRef.current, event, segs);
    dragRef.current = r.state;
    setDrag(r.state);
    if (r.plan) runPlan(r.plan);
  };

  const select = (i: number, seek: boolean) => {
    setSelected(i);
    const s = segs[i];
    if (s && seek) player.current?.seek(s.start);
  };
  const pick = (label: string) => {
    if (selected === undefined) {
      setNextLabel(label);
      setStatus(`New regions get the label ${label}.`);
    } else commit(patchRegion(segs, selected, { label }), (s) => `Labelled ${describe(s)}.`);
  };
  const remove = (i: number) => {
    const s = segs[i];
    if (!s) return;
    const next = removeRegion(segs, i);
    props.onChange(next.length > 0 ? next : null);
    setSelected(undefined);
    setStatus(`Deleted ${describe(s)}.`);
  };
  const play = (i: number) => {
    const s = segs[i];
    if (s) player.current?.playRange(s.start, s.end);
  };
  const startLine = () => {
    const t = time();
    const i = commit(
      createRegion(segs, t, t + NEW_SEGMENT_SECONDS, rules(), extra()),
      (s) => `Created ${describe(s)}.`,
    );
    if (i !== undefined) setFocusLine({ index: i, caret: 0, n: Date.now() });
  };
  // Enter in a transcript line: split at the playhead when it is inside the line's region, else a
  // new line from this one's end (to the playhead, or a second long); the text after the caret moves.
  const breakLine = (i: number, caret: number) => {
    const s = segs[i];
    if (!s) return;
    const t = time();
    const edit =
      t > s.start && t < s.end
        ? splitRegion(segs, i, t, rules(), caret)
        : appendAfter(segs, i, t, rules(), { extra: extra(), caret });
    const j = commit(edit, (n) => `New line ${describe(n)}.`);
    if (j !== undefined) setFocusLine({ index: j, caret: 0, n: Date.now() });
  };
  const joinPrevious = (i: number) => {
    const caret =
      (segs[i - 1]?.text?.trim() ?? '').length + (segs[i - 1]?.text?.trim() && segs[i]?.text?.trim() ? 1 : 0);
    const j = commit(mergeWithPrevious(segs, i, rules()), (s) => `Joined into ${describe(s)}.`);
    if (j !== undefined) setFocusLine({ index: j, caret, n: Date.now() });
  };

  // The list's and the layer's callbacks stay the same functions and call the latest handlers, so
  // memoised rows re-render for their own region only, and the layer not at every frame of playback.
  const handlers = { dispatch, select, remove, play, runPlan, breakLine, joinPrevious, commit, segs, rules };
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });
  const actions = useMemo(
    () => ({
      select: (i: number, seek: boolean) => latest.current.select(i, seek),
      setTime: (i: number, edge: 'start' | 'end', t: number) =>
        latest.current.runPlan({ type: 'resize', index: i, edge, t }),
      patch: (i: number, patch: Partial<Pick<Segment, 'label' | 'speaker' | 'text'>>) =>
        latest.current.commit(patchRegion(latest.current.segs, i, patch), () => ''),
      play: (i: number) => latest.current.play(i),
      remove: (i: number) => latest.current.remove(i),
      breakLine: (i: number, caret: number) => latest.current.breakLine(i, caret),
      joinPrevious: (i: number) => latest.current.joinPrevious(i),
    }),
    [],
  );
  const layer = useMemo(
    () => ({
      onDown: (p: LayerPointer) => latest.current.dispatch({ type: 'down', ...p }),
      onMove: (p: Omit<LayerPointer, 'hit'>) => latest.current.dispatch({ type: 'move', ...p }),
      onUp: (p: Omit<LayerPointer, 'hit'>) => latest.current.dispatch({ type: 'up', ...p }),
      onCancel: () => latest.current.dispatch({ type: 'cancel' }),
    }),
    [],
  );
  // The line playing: found again as the playhead moves, and when the lines change under it.
  const now = useRef(0);
  const onTime = useMemo(
    () =>
      transcript
        ? (t: number) => {
            now.current = t;
            const i = regionAt(latest.current.segs, t);
            setCurrent((c) => (c === i ? c : i));
          }
        : undefined,
    [transcript],
  );
  useEffect(() => {
    if (transcript) setCurrent(regionAt(segs, now.current));
  }, [segs, transcript]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (readOnly || e.ctrlKey || e.metaKey || e.altKey) return;
    if (!(e.target as HTMLElement).classList.contains('waveform')) return;
    if (playerKey(e.key, e.shiftKey)) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  /** A key pressed on the player that is the editor's; false lets it through (Enter submits). */
  const playerKey = (key: string, shift: boolean): boolean => {
    const t = time();
    if (key === '[' || key === ']') {
      runPlan(bracket(key, { segments: segs, selected, mark, t }));
      return true;
    }
    if (/^[1-9]$/.test(key)) {
      const label = q.labels?.[Number(key) - 1];
      if (label !== undefined) pick(label);
      return label !== undefined;
    }
    if (key === 'Tab') {
      const i = stepRegion(segs, selected, t, shift ? -1 : 1);
      if (i === undefined) return false;
      select(i, true);
      setStatus(`Selected ${describe(segs[i]!)}.`);
      return true;
    }
    if ((key === 'Delete' || key === 'Backspace') && selected !== undefined) {
      remove(selected);
      return true;
    }
    if (key === 'p' || key === 'P') {
      if (selected === undefined) setStatus('Select a region to play it.');
      else play(selected);
      return true;
    }
    if (
      key === 'Escape' &&
      (selected !== undefined || mark !== undefined || dragRef.current.kind !== 'idle')
    ) {
      dispatch({ type: 'cancel' });
      setSelected(undefined);
      setMark(undefined);
      setStatus('');
      return true;
    }
    return false;
  };

  // While dragging, the region drawn is what releasing would make.
  const pending = pendingPlan(drag);
  const preview = pending ? editFor(pending, segs, rules(), extra()) : undefined;
  const shown = preview?.ok ? preview.segments : segs;
  const shownSelected = preview?.ok ? preview.index : selected;
  const colorOf = useMemo(() => {
    const labels = q.labels ?? [];
    return (label: string | undefined) =>
      label === undefined ? undefined : Math.max(0, labels.indexOf(label)) % PALETTE;
  }, [q.labels]);
  const name = q.label ?? q.name;
  const used = useMemo(() => (q.speakerNames ? [] : speakersUsed(segs)), [segs, q.speakerNames]);

  const list = transcript ? (
    <TranscriptView
      caption={`Transcript of ${props.fieldLabel}`}
      q={q}
      segments={segs}
      selected={selected}
      current={current}
      focusLine={focusLine}
      readOnly={readOnly}
      listId={listId}
      actions={actions}
    />
  ) : (
    <RegionTable
      caption={`Regions of ${name} (${segs.length})`}
      q={q}
      segments={segs}
      selected={selected}
      readOnly={readOnly}
      listId={listId}
      actions={actions}
    />
  );
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys pressed on the player inside (a focusable region) bubble here
    <div className="segments-editor" onKeyDown={onKeyDown}>
      {!readOnly && (
        <SegmentsBar
          labels={q.labels}
          nextLabel={selected === undefined ? nextLabel : segs[selected]?.label}
          selected={selected !== undefined}
          transcript={transcript}
          status={status}
          onPick={pick}
          onKey={(k) => playerKey(k, false)}
          onStartLine={startLine}
        />
      )}
      {props.itemId === undefined ? (
        !readOnly && <p className="muted">The recording of each item plays here.</p>
      ) : (
        <WaveformPlayer
          itemId={props.itemId}
          field={q.field}
          label={props.fieldLabel}
          handle={player}
          onTime={onTime}
          keyShortcuts={readOnly ? undefined : '[ ] 1 2 3 4 5 6 7 8 9 Tab Shift+Tab Delete P Escape'}
          describedBy={readOnly ? undefined : `${helpId} ${props.describedBy}`}
          overlay={(view) => (
            <RegionLayer
              view={view}
              segments={shown}
              selected={shownSelected}
              mark={mark}
              colorOf={colorOf}
              interactive={!readOnly}
              {...layer}
            />
          )}
        />
      )}
      <p id={helpId} className="visually-hidden">
        On the player: [ marks a start at the playhead and ] its end; digits label the selected region; Tab
        and Shift+Tab select the next and previous region; P plays it; Delete removes it; Enter submits.
      </p>
      {q.speakers !== 'none' && !q.speakerNames && (
        <datalist id={listId}>
          {used.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
      )}
      {list}
    </div>
  );
}
