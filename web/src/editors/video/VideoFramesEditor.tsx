import type { KeyboardEvent } from 'react';
import { itemMediaPath } from '../../../../core/media/reference.ts';
import type { QuestionDef } from '../Question.tsx';
import {
  clearFrame,
  type FrameLabel,
  labelAt,
  labelRuns,
  nextLabelled,
  setFrameLabel,
} from './frame-labels.ts';
import { colourClass, digitLabel, LabelPicker } from './LabelPicker.tsx';
import { spanStyle, type VideoEditorProps, VideoPlayer } from './VideoPlayer.tsx';

type FramesQ = Extract<QuestionDef, { type: 'frames' }>;

/**
 * A frames question (docs/media.md, "Video"): a digit labels the current frame; in keyframes mode
 * the timeline shows each label running to the next labelled frame. Delete clears the current
 * frame's label, K jumps to the next labelled frame.
 */
export function VideoFramesEditor(props: VideoEditorProps<FramesQ, FrameLabel[]>) {
  const { q, readOnly } = props;
  const { clock } = props.clip;
  const { frame, count } = clock;
  const list = props.value ?? [];
  const here = labelAt(list, frame, q.mode);
  const set = (l: string) => props.onChange(setFrameLabel(list, frame, l));
  const clear = () => {
    const next = clearFrame(list, frame);
    props.onChange(next.length > 0 ? next : null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !clock.rate) return;
    const l = readOnly ? undefined : digitLabel(e, q.labels);
    if (l !== undefined) {
      e.preventDefault();
      set(l);
    } else if (!readOnly && (e.key === 'Delete' || e.key === 'Backspace') && here?.own) {
      e.preventDefault();
      clear();
    } else if (e.key === 'k' || e.key === 'K') {
      const next = nextLabelled(list, frame);
      if (next !== undefined) {
        e.preventDefault();
        clock.seekFrame(next);
      }
    }
  };

  return (
    <VideoPlayer
      clip={props.clip}
      name={q.name}
      src={itemMediaPath(props.itemId, q.field)}
      label={props.fieldLabel}
      question={q.label ?? q.name}
      onKeyDown={onKeyDown}
      keyShortcuts="1 2 3 4 5 6 7 8 9 Delete K Enter"
      timeline={
        count
          ? labelRuns(list, count, q.mode).map((r) => (
              <div
                key={r.from}
                className={`run ${colourClass(q.labels, r.label)}`}
                style={spanStyle(r.from, r.to, count)}
              />
            ))
          : null
      }
    >
      <LabelPicker
        name={`${q.name}-frame`}
        legend={`${q.label ?? q.name}: label of frame ${frame}`}
        labels={q.labels}
        value={here?.own ? here.label : undefined}
        onPick={set}
        disabled={readOnly}
      />
      <p className="muted small" aria-live="polite">
        Frame {frame}:{' '}
        {here ? (here.own ? `labelled ${here.label}` : `${here.label} (from an earlier frame)`) : 'no label'}
        {!readOnly && here?.own && (
          <>
            {' '}
            <button type="button" onClick={clear} aria-keyshortcuts="Delete">
              Clear this frame
            </button>
          </>
        )}
      </p>
      <ul className="video-list" aria-label={`${q.label ?? q.name}: labelled frames`}>
        {list.map((f) => (
          <li key={f.frame} className={f.frame === frame ? 'selected' : undefined}>
            <span className={`swatch ${colourClass(q.labels, f.label)}`} aria-hidden="true" />
            <button type="button" onClick={() => clock.seekFrame(f.frame)}>
              Frame {f.frame} · {f.label}
            </button>
          </li>
        ))}
      </ul>
    </VideoPlayer>
  );
}
