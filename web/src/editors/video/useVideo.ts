import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { type FrameRate, frameAt, frameCount, parseFrameRate } from '../../../../core/media/frame-rate.ts';
import { call } from '../../api/client.ts';
import { usePolling } from '../../console/usePolling.ts';
import { clampFrame, frameOfPresentation, seekTime, videoKey } from './player.ts';

/** How often the player asks again while the server is still probing the video. */
export const PROBE_POLL_MS = 1_000;

/** The facts the player needs from the probe (docs/media.md, "Probing"). */
export interface VideoFacts {
  durationSeconds: number | null;
  frameRate: string | null;
  width: number | null;
  height: number | null;
  probeError: string | null;
}

/** What the video's editors read and do: the frame shown, and the ways to move it. */
export interface VideoClock {
  ref: React.RefObject<HTMLVideoElement | null>;
  facts: VideoFacts | undefined;
  rate: FrameRate | null;
  /** Frames in the video; null until the probe (or the element) says how long it is. */
  count: number | null;
  /** The current frame: the one stepped to, or while playing the one the browser shows. */
  frame: number;
  /** The frame the browser last presented (requestVideoFrameCallback's mediaTime); null before. */
  shown: number | null;
  playing: boolean;
  speed: number;
  /** The first frame is on screen. */
  ready: boolean;
  seekFrame(frame: number): void;
  step(by: number): void;
  toggle(): void;
  setSpeed(speed: number): void;
  /** The player's own keys (space, `,` `.`, Home, End); true when the key was one of them. */
  onKey(e: KeyboardEvent<HTMLElement>): boolean;
  /** Props for the <video> element. */
  videoProps: React.VideoHTMLAttributes<HTMLVideoElement>;
}

/** The element as browsers without requestVideoFrameCallback have it (the DOM types assume it). */
type FrameCallbackVideo = Omit<HTMLVideoElement, 'requestVideoFrameCallback' | 'cancelVideoFrameCallback'> & {
  requestVideoFrameCallback?: (cb: (now: number, meta: { mediaTime: number }) => void) => number;
  cancelVideoFrameCallback?: (handle: number) => void;
};

/**
 * A video field's clock (docs/media.md, "Video"). The frame is an integer kept here; a step
 * seeks to `seekTime(frame)` (half a frame in) so the browser shows exactly that frame, and times
 * are always computed from frame numbers with the probed rational rate, never accumulated.
 */
export function useVideo(itemId: number, field: string): VideoClock {
  const polled = usePolling(
    async (signal) => (await call('getItem', { params: { itemId }, signal }))?.media?.[field]?.facts ?? null,
    `${itemId}/${field}`,
    PROBE_POLL_MS,
    { until: (f) => f === null || f.probeError !== null || f.durationSeconds !== null },
  );
  const facts = polled.data ?? undefined;
  const ref = useRef<HTMLVideoElement>(null);
  const rate = useMemo(() => parseFrameRate(facts?.frameRate), [facts?.frameRate]);
  const [elementDuration, setElementDuration] = useState<number | null>(null);
  const duration = facts?.durationSeconds ?? elementDuration;
  const count = rate && duration ? frameCount(duration, rate) : null;
  const [frame, setFrame] = useState(0);
  const frameRef = useRef(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeedState] = useState(1);
  const [ready, setReady] = useState(false);

  const place = useCallback((f: number) => {
    frameRef.current = f;
    setFrame(f);
  }, []);

  // The frame the browser presents, read from each presented frame's own timestamp. Registered
  // from the start: a first frame presented before the probe's rate is known still counts.
  const rateRef = useRef(rate);
  rateRef.current = rate;
  const [presented, setPresented] = useState<number | null>(null);
  useEffect(() => {
    const v = ref.current as FrameCallbackVideo | null;
    if (!v?.requestVideoFrameCallback) return;
    let handle = 0;
    const onFrame = (_now: number, meta: { mediaTime: number }) => {
      setPresented(meta.mediaTime);
      setReady(true);
      const r = rateRef.current;
      if (r && !v.paused) place(frameOfPresentation(meta.mediaTime, r));
      handle = v.requestVideoFrameCallback!(onFrame);
    };
    handle = v.requestVideoFrameCallback(onFrame);
    return () => v.cancelVideoFrameCallback?.(handle);
  }, [place]);
  const shown = presented === null || !rate ? null : frameOfPresentation(presented, rate);

  // Without requestVideoFrameCallback, the playing frame comes from currentTime at each animation frame.
  useEffect(() => {
    const v = ref.current as FrameCallbackVideo | null;
    if (!playing || !rate || !v || v.requestVideoFrameCallback) return;
    let raf = 0;
    const tick = () => {
      place(clampFrame(frameAt(v.currentTime, rate), count));
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [playing, rate, count, place]);

  const seekFrame = useCallback(
    (f: number) => {
      const v = ref.current;
      if (!v || !rate) return;
      if (!v.paused) v.pause();
      const to = clampFrame(Math.round(f), count);
      place(to);
      v.currentTime = seekTime(to, rate);
    },
    [rate, count, place],
  );
  const step = useCallback((by: number) => seekFrame(frameRef.current + by), [seekFrame]);
  const toggle = useCallback(() => {
    const v = ref.current;
    if (!v) return;
    if (v.paused) void v.play().catch(() => undefined);
    else v.pause();
  }, []);
  const setSpeed = useCallback((s: number) => {
    setSpeedState(s);
    if (ref.current) ref.current.playbackRate = s;
  }, []);

  const onKey = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const k = videoKey(e);
      if (!k) return false;
      e.preventDefault();
      e.stopPropagation();
      if (k.kind === 'toggle') toggle();
      else if (k.kind === 'step') step(k.by);
      else if (k.kind === 'home') seekFrame(0);
      else seekFrame((count ?? 1) - 1);
      return true;
    },
    [toggle, step, seekFrame, count],
  );

  const videoProps: React.VideoHTMLAttributes<HTMLVideoElement> = {
    preload: 'auto',
    playsInline: true,
    onLoadedMetadata: (e) => setElementDuration(e.currentTarget.duration || null),
    // The first frame is available to show (HAVE_CURRENT_DATA).
    onLoadedData: () => setReady(true),
    onPlay: () => setPlaying(true),
    onPause: (e) => {
      setPlaying(false);
      // Paused where the browser is: the frame it shows, by its own clock.
      if (rate) place(clampFrame(frameAt(e.currentTarget.currentTime, rate), count));
    },
    onEnded: () => setPlaying(false),
    onRateChange: (e) => setSpeedState(e.currentTarget.playbackRate),
  };

  return {
    ref,
    facts,
    rate,
    count,
    frame,
    shown,
    playing,
    speed,
    ready,
    seekFrame,
    step,
    toggle,
    setSpeed,
    onKey,
    videoProps,
  };
}
