import { type KeyboardEvent, type PointerEvent, type ReactNode, useRef } from 'react';
import { createPortal } from 'react-dom';
import { frameRateValue, frameStart } from '../../../../core/media/frame-rate.ts';
import type { EditorProps, QuestionDef } from '../Question.tsx';
import { preciseClock, VIDEO_SPEEDS, xToFrame } from './player.ts';
import type { VideoClip } from './VideoClips.tsx';
import './video.css';

/**
 * What each video question's editor takes: the editor's props, the item whose video plays, the
 * field's label and the field's clip, shared with the other questions over it.
 */
export type VideoEditorProps<Q extends QuestionDef, V> = EditorProps<Q, V> & {
  itemId: number;
  fieldLabel: string;
  clip: VideoClip;
};

/** A pointer on the timeline: the frame under it, and the frame start nearest it (for edges). */
export interface TimelinePoint {
  frame: number;
  boundary: number;
  x: number;
  width: number;
}

export interface TimelineHandlers {
  down(at: TimelinePoint, e: PointerEvent<HTMLDivElement>): void;
  move(at: TimelinePoint): void;
  up(at: TimelinePoint): void;
}

/** Where a frame range sits on the timeline, as CSS. */
export const spanStyle = (from: number, to: number, count: number) => ({
  left: `${(from / count) * 100}%`,
  width: `max(2px, ${((to - from) / count) * 100}%)`,
});

/**
 * A question's player of a video field (docs/media.md, "Video"). The field's clip is shared by every
 * question over it: the first question's player shows the picture (the <video>, streamed from the
 * media path by Range), the others their own timeline and bar on the same clock. The frame number,
 * time and timeline come from the clock's integer frame. Editors put their drawing over the picture
 * (`overlay`, drawn into the shared picture when another question shows it), their layers on the
 * timeline (`timeline`) and their keys in `onKeyDown` (the player's own keys are tried after
 * theirs); keys act on the player that has focus.
 */
export function VideoPlayer(props: {
  clip: VideoClip;
  /** The question's name: the one that shows the picture has the <video>. */
  name: string;
  src: string;
  /** The video field's label. */
  label: string;
  /** The question the player serves: the region is named after both, as several may play one field. */
  question: string;
  overlay?: ReactNode;
  timeline?: ReactNode;
  timelinePointer?: TimelineHandlers;
  onKeyDown?: (e: KeyboardEvent<HTMLElement>) => void;
  keyShortcuts?: string;
  children?: ReactNode;
}) {
  const { clip } = props;
  const { clock } = clip;
  const { count, rate, frame, facts } = clock;
  const sectionRef = useRef<HTMLElement>(null);
  const showsPicture = clip.picture === props.name;
  // A press on the drawing focuses this player, wherever the drawing is, so its keys follow the mouse.
  const overlay = props.overlay && (
    // biome-ignore lint/a11y/noStaticElementInteractions: the drawing's pointer is the mouse's way in; the keys go to the player it focuses
    <div
      className="video-overlay-host"
      onPointerDown={() => sectionRef.current?.focus({ preventScroll: true })}
      onMouseDown={(e) => e.preventDefault()}
    >
      {props.overlay}
    </div>
  );
  const pointAt = (e: PointerEvent<HTMLDivElement>): TimelinePoint => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - r.left;
    const n = count ?? 0;
    return {
      frame: xToFrame(x, n, r.width),
      boundary: Math.max(0, Math.min(n, Math.round((x / Math.max(1, r.width)) * n))),
      x,
      width: r.width,
    };
  };
  const handlers: TimelineHandlers = props.timelinePointer ?? {
    down: (at) => clock.seekFrame(at.frame),
    move: (at) => clock.seekFrame(at.frame),
    up: () => undefined,
  };
  const state = facts?.probeError
    ? `The video could not be probed (${facts.probeError}); it plays, but frames cannot be counted.`
    : !facts
      ? 'Reading the video…'
      : !rate
        ? 'The video is being probed; frame stepping starts once its frame rate is known.'
        : null;
  const time = rate ? frameStart(frame, rate) : 0;
  const duration = facts?.durationSeconds ?? 0;
  const ready = clock.ready && count !== null;
  return (
    <section
      ref={sectionRef}
      className="video-player"
      aria-label={`${props.question}: ${props.label} player`}
      aria-keyshortcuts={`Space , . Shift+, Shift+. Home End${props.keyShortcuts ? ` ${props.keyShortcuts}` : ''}`}
      data-state={ready ? 'ready' : 'loading'}
      data-frame={frame}
      data-shown-frame={clock.shown ?? undefined}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the player takes focus for its keys (space, , . [ ] digits…)
      tabIndex={0}
      onFocus={() => clip.use(props.name)}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget) return;
        props.onKeyDown?.(e);
        if (!e.defaultPrevented) clock.onKey(e);
      }}
    >
      {showsPicture ? (
        <div className="video-stage" ref={clip.setStage}>
          <video ref={clock.ref} src={props.src} aria-label={props.label} {...clock.videoProps} />
          {overlay}
        </div>
      ) : (
        clip.stage && overlay && createPortal(overlay, clip.stage)
      )}
      {state && (
        <p className="muted small video-state" role="status">
          {state}
        </p>
      )}
      {/* The timeline is the mouse's way in; the keys and the lists below do the same from the keyboard. */}
      <div
        className="video-timeline"
        aria-hidden="true"
        onPointerDown={(e) => {
          if (!count || e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          handlers.down(pointAt(e), e);
        }}
        onPointerMove={(e) => {
          if (count && e.buttons & 1) handlers.move(pointAt(e));
        }}
        onPointerUp={(e) => {
          if (count) handlers.up(pointAt(e));
        }}
      >
        {count ? props.timeline : null}
        {count ? <div className="video-playhead" style={{ left: `${(frame / count) * 100}%` }} /> : null}
      </div>
      <div className="video-bar">
        <button type="button" onClick={clock.toggle} aria-label={clock.playing ? 'Pause' : 'Play'}>
          {clock.playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => clock.step(-1)} aria-label="Previous frame" disabled={!rate}>
          ‹
        </button>
        <button type="button" onClick={() => clock.step(1)} aria-label="Next frame" disabled={!rate}>
          ›
        </button>
        <output className="video-time" aria-label="Position">
          Frame <span className="video-frame">{frame}</span>
          {count !== null && ` of ${count}`} · {preciseClock(time)} / {preciseClock(duration)}
          {rate && ` · ${Math.round(frameRateValue(rate) * 1000) / 1000} fps`}
        </output>
        <label>
          Speed{' '}
          <select value={clock.speed} onChange={(e) => clock.setSpeed(Number(e.target.value))}>
            {VIDEO_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      {props.children}
    </section>
  );
}
