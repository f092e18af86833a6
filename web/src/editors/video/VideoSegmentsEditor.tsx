import { type KeyboardEvent, useState } from 'react';
import { itemMediaPath } from '../../../../core/media/reference.ts';
import type { QuestionDef } from '../Question.tsx';
import { colourClass, digitLabel, LabelPicker } from './LabelPicker.tsx';
import { preciseClock } from './player.ts';
import { type DragState, dragPreview, dragTransition, hitSegment, idleDrag } from './segment-drag.ts';
import {
  addSegment,
  framesOf,
  relabel,
  remove,
  replace,
  setEnd,
  setStart,
  sorted,
  type VideoSegment,
  withFrames,
} from './segment-ops.ts';
import { spanStyle, type VideoEditorProps, VideoPlayer } from './VideoPlayer.tsx';

type SegmentsQ = Extract<QuestionDef, { type: 'segments' }>;

/**
 * A segments question over a video field (docs/media.md, "Video"): segments on the timeline, made
 * by dragging or by `[` and `]` at the current frame, times always frame starts.
 */
export function VideoSegmentsEditor(props: VideoEditorProps<SegmentsQ, VideoSegment[]>) {
  const { q, readOnly } = props;
  const { clock } = props.clip;
  const { rate, count, frame } = clock;
  const list = props.value ?? [];
  const labels = q.labels ?? [];
  const [selected, setSelected] = useState<number | undefined>();
  const [label, setLabel] = useState<string | undefined>(labels[0]);
  const [drag, setDrag] = useState<DragState>(idleDrag);
  const sel = selected === undefined ? undefined : list[selected];
  const commit = (next: VideoSegment[], nextSelected: number | undefined) => {
    props.onChange(next);
    setSelected(nextSelected);
  };

  const pick = (l: string) => {
    setLabel(l);
    if (selected !== undefined && sel && !readOnly) props.onChange(relabel(list, selected, l));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (readOnly || !rate || e.ctrlKey || e.metaKey || e.altKey) return;
    const l = digitLabel(e, labels);
    if (l !== undefined) {
      e.preventDefault();
      pick(l);
      return;
    }
    if (e.key === '[' || e.key === ']') {
      e.preventDefault();
      const edit = (e.key === '[' ? setStart : setEnd)(list, selected, frame, rate, label);
      commit(edit.list, edit.selected);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && selected !== undefined) {
      e.preventDefault();
      const edit = remove(list, selected);
      commit(edit.list, edit.selected);
    } else if (e.key === 'Escape' && selected !== undefined) {
      e.preventDefault();
      setSelected(undefined);
    }
  };

  const spans = rate ? list.map((s) => framesOf(s, rate)) : [];
  const send = (ev: Parameters<typeof dragTransition>[1]) => {
    if (!count || !rate) return;
    const { state, plan } = dragTransition(drag, ev, count);
    setDrag(state);
    if (!plan) return;
    if (plan.type === 'click') {
      setSelected(plan.hit?.index);
      clock.seekFrame(plan.frame);
    } else if (plan.type === 'create') {
      const edit = addSegment(list, plan.span, rate, label);
      commit(edit.list, edit.selected);
    } else {
      const cur = list[plan.index];
      if (!cur) return;
      const r = sorted(replace(list, plan.index, withFrames(cur, plan.span, rate)), plan.index);
      commit(r.list, r.index);
    }
  };
  const preview = dragPreview(drag);

  return (
    <VideoPlayer
      clip={props.clip}
      name={q.name}
      src={itemMediaPath(props.itemId, q.field)}
      label={props.fieldLabel}
      question={q.label ?? q.name}
      onKeyDown={onKeyDown}
      keyShortcuts="[ ] 1 2 3 4 5 6 7 8 9 Delete Enter"
      timeline={
        <>
          {spans.map((s, i) =>
            preview && preview.index === i ? null : (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id; their place is their identity here
                key={i}
                className={`run ${colourClass(labels, list[i]?.label)}${i === selected ? ' selected' : ''}`}
                style={spanStyle(s.from, s.to, count ?? 1)}
              />
            ),
          )}
          {preview && (
            <div
              className={`run selected ${colourClass(labels, label)}`}
              style={spanStyle(preview.span.from, preview.span.to, count ?? 1)}
            />
          )}
        </>
      }
      timelinePointer={
        readOnly
          ? undefined
          : {
              down: (at) => {
                const hit = hitSegment(spans, at.x, at.width, count ?? 0);
                send({ type: 'down', ...at, hit, span: hit ? spans[hit.index] : undefined });
              },
              move: (at) => send({ type: 'move', ...at }),
              up: (at) => send({ type: 'up', ...at }),
            }
      }
    >
      {labels.length > 0 && (
        <LabelPicker
          name={`${q.name}-label`}
          legend={`${q.label ?? q.name}: label`}
          labels={labels}
          value={sel?.label ?? label}
          onPick={pick}
          disabled={readOnly}
        />
      )}
      <p className="muted small" aria-live="polite">
        {list.length === 0
          ? 'No segments yet: drag on the timeline, or press [ and ] at a frame.'
          : `${list.length} segment${list.length === 1 ? '' : 's'}${sel && rate ? `; selected: frames ${framesOf(sel, rate).from}–${framesOf(sel, rate).to - 1}` : ''}.`}
      </p>
      <ul className="video-list" aria-label={`${q.label ?? q.name}: segments`}>
        {list.map((s, i) => {
          const f = rate ? framesOf(s, rate) : undefined;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no id
            <li key={i} className={i === selected ? 'selected' : undefined}>
              <span className={`swatch ${colourClass(labels, s.label)}`} aria-hidden="true" />
              <button
                type="button"
                aria-pressed={i === selected}
                onClick={() => {
                  setSelected(i);
                  if (f) clock.seekFrame(f.from);
                }}
              >
                {f ? `Frames ${f.from}–${f.to - 1}` : 'Segment'} · {preciseClock(s.start)}–
                {preciseClock(s.end)}
                {s.label ? ` · ${s.label}` : ''}
              </button>
              {q.text !== 'none' && (
                <input
                  type="text"
                  aria-label={`Text of segment ${i + 1}`}
                  value={s.text ?? ''}
                  readOnly={readOnly}
                  onChange={(e) => props.onChange(replace(list, i, { ...s, text: e.target.value }))}
                />
              )}
              {q.speakers !== 'none' && (
                <input
                  type="text"
                  aria-label={`Speaker of segment ${i + 1}`}
                  value={s.speaker ?? ''}
                  readOnly={readOnly}
                  onChange={(e) => {
                    const { speaker: _, ...rest } = s;
                    props.onChange(
                      replace(list, i, e.target.value ? { ...rest, speaker: e.target.value } : rest),
                    );
                  }}
                />
              )}
              {!readOnly && (
                <button
                  type="button"
                  aria-label={`Remove segment ${i + 1}`}
                  onClick={() => commit(remove(list, i).list, undefined)}
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </VideoPlayer>
  );
}
