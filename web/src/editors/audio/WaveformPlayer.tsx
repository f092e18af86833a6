import {
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
  type Ref,
  useCallback,
  useEffect,
  useImperativeHandle,
  useMemo,
  useRef,
  useState,
} from 'react';
import { itemMediaPath } from '../../../../core/media/reference.ts';
import { drawWaveform } from './draw.ts';
import type { PlayerHandle, WaveView } from './player-handle.ts';
import { TileCache } from './tiles.ts';
import { noSound, usePeaksIndex } from './usePeaksIndex.ts';
import {
  clampScroll,
  clock,
  fittingLevel,
  followPlayhead,
  levelPixels,
  pixelToTime,
  playerKey,
  SPEEDS,
  scrollKeeping,
  timeToPixel,
  visibleTiles,
} from './waveform.ts';
import './waveform.css';

const HEIGHT = 96;

/**
 * An audio field's player (docs/media.md, "The player"): the sound streams from the media path
 * by Range through an <audio> element, and the waveform is drawn from the server's peak tiles,
 * only those in view, so an hours-long recording opens fast and the tab stays small. An editor
 * (segments/) draws over the waveform with `overlay`, drives the sound through `handle` and hears
 * the playhead through `onTime`; the keys the player does not use bubble on to it.
 */
export function WaveformPlayer(props: {
  itemId: number;
  field: string;
  label: string;
  overlay?: ((view: WaveView) => ReactNode) | undefined;
  handle?: Ref<PlayerHandle> | undefined;
  onTime?: ((t: number) => void) | undefined;
  /** The host's keys, added to the player's aria-keyshortcuts. */
  keyShortcuts?: string | undefined;
  describedBy?: string | undefined;
}) {
  const media = usePeaksIndex(props.itemId, props.field);
  const peaks = media.data?.peaks ?? null;
  const peaksError = media.data?.peaksError ?? null;
  const audio = useRef<HTMLAudioElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [levelIndex, setLevelIndex] = useState<number | undefined>();
  const [scroll, setScroll] = useState(0);
  const [time, setTime] = useState(0);
  const [mediaDuration, setMediaDuration] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const [loaded, setLoaded] = useState(0);
  const [tilesNotReady, setTilesNotReady] = useState(false);
  /** Where a played range stops (playRange); cleared by any other seek or play. */
  const stopAt = useRef<number | undefined>(undefined);

  const peaksUrl = peaks?.url;
  const cache = useMemo(() => (peaksUrl ? new TileCache(peaksUrl) : undefined), [peaksUrl]);
  const levels = peaks?.levels ?? [];
  const level = levelIndex === undefined ? undefined : levels[levelIndex];
  const spp = level?.samplesPerPixel ?? 0;
  const pixels = peaks && level ? levelPixels(peaks.samples, spp) : 0;
  const duration = peaks ? peaks.samples / peaks.sampleRate : mediaDuration;
  const probed = media.data?.facts.durationSeconds ?? undefined;

  // The view's width follows its box.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);

  // Once the index and the width are known, the level that fits.
  useEffect(() => {
    if (peaks && width > 0 && levelIndex === undefined)
      setLevelIndex(
        fittingLevel(
          peaks.samples,
          width,
          peaks.levels.map((l) => l.samplesPerPixel),
        ),
      );
  }, [peaks, width, levelIndex]);

  // The tiles in view, fetched (each once); a 409 asks for the index again.
  useEffect(() => {
    if (!cache || !level) return;
    let live = true;
    for (const t of visibleTiles(scroll, width, pixels, peaks?.tilePixels)) {
      if (cache.get(spp, t)) continue;
      void cache.load(spp, t).then((outcome) => {
        if (!live) return;
        if (outcome === 'ok') setLoaded((n) => n + 1);
        else if (outcome === 'not-ready') setTilesNotReady(true);
      });
    }
    return () => {
      live = false;
    };
  }, [cache, level, spp, scroll, width, pixels, peaks?.tilePixels]);

  useEffect(() => {
    if (!tilesNotReady) return;
    const t = setTimeout(() => {
      setTilesNotReady(false);
      media.refresh();
    }, 2_000);
    return () => clearTimeout(t);
  }, [tilesNotReady, media.refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `loaded` counts tiles arrived, which redraw
  useEffect(() => {
    if (!canvas.current || width === 0) return;
    const missing = drawWaveform(
      canvas.current,
      {
        width,
        height: HEIGHT,
        scroll,
        level: spp,
        pixels,
        tilePixels: peaks?.tilePixels ?? 1024,
        playheadX: spp ? timeToPixel(time, peaks!.sampleRate, spp) : undefined,
      },
      cache,
    );
    // What was drawn, for the seeking bench (bench/browser/seek-audio.ts): the playhead, and the tiles not there yet.
    canvas.current.dataset.playhead = String(time);
    canvas.current.dataset.missing = String(missing);
  }, [width, scroll, spp, pixels, time, cache, loaded, peaks]);

  const onTime = useRef(props.onTime);
  onTime.current = props.onTime;
  useEffect(() => onTime.current?.(time), [time]);

  // While playing, the playhead follows the sound frame by frame, and the view follows the playhead.
  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const step = () => {
      const a = audio.current;
      if (a && stopAt.current !== undefined && a.currentTime >= stopAt.current) {
        a.pause();
        a.currentTime = stopAt.current;
        stopAt.current = undefined;
      }
      if (a) setTime(a.currentTime);
      frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [playing]);
  useEffect(() => {
    if (!playing || !spp || !peaks) return;
    const next = followPlayhead(timeToPixel(time, peaks.sampleRate, spp), scroll, pixels, width);
    if (next !== scroll && scroller.current) scroller.current.scrollLeft = next;
  }, [playing, time, spp, peaks, scroll, pixels, width]);

  // A seek brings the playhead into view, playing or not.
  const view = useRef({ scroll, pixels, width, spp, sampleRate: peaks?.sampleRate ?? 0 });
  view.current = { scroll, pixels, width, spp, sampleRate: peaks?.sampleRate ?? 0 };
  const seek = useCallback(
    (t: number) => {
      const a = audio.current;
      if (!a) return;
      const to = Math.max(0, Math.min(t, duration || a.duration || 0));
      stopAt.current = undefined;
      a.currentTime = to;
      setTime(to);
      const v = view.current;
      if (!v.spp || !v.sampleRate) return;
      const next = followPlayhead(timeToPixel(to, v.sampleRate, v.spp), v.scroll, v.pixels, v.width);
      if (next !== v.scroll && scroller.current) {
        scroller.current.scrollLeft = next;
        setScroll(next);
      }
    },
    [duration],
  );

  useImperativeHandle(
    props.handle,
    () => ({
      seek,
      time: () => audio.current?.currentTime ?? 0,
      // The probe's duration when known: the server bounds regions' ends by it.
      duration: () => probed ?? (duration || audio.current?.duration || 0),
      playRange: (start, end) => {
        const a = audio.current;
        if (!a) return;
        seek(start);
        stopAt.current = end;
        void a.play().catch(() => undefined);
      },
    }),
    [seek, duration, probed],
  );

  const zoom = useCallback(
    (by: 1 | -1) => {
      if (!peaks || levelIndex === undefined) return;
      const next = Math.max(0, Math.min(peaks.levels.length - 1, levelIndex - by));
      if (next === levelIndex) return;
      const nextSpp = peaks.levels[next]!.samplesPerPixel;
      const nextPixels = levelPixels(peaks.samples, nextSpp);
      // The playhead stays where it is when in view, else the view's middle does.
      const headX = timeToPixel(time, peaks.sampleRate, spp) - scroll;
      const atX = headX >= 0 && headX <= width ? headX : width / 2;
      const at = headX >= 0 && headX <= width ? time : pixelToTime(scroll + atX, peaks.sampleRate, spp);
      const s = scrollKeeping(at, atX, peaks.sampleRate, nextSpp, nextPixels, width);
      setLevelIndex(next);
      setScroll(s);
      requestAnimationFrame(() => {
        if (scroller.current) scroller.current.scrollLeft = s;
      });
    },
    [peaks, levelIndex, time, spp, scroll, width],
  );

  // Ctrl+wheel zooms (a listener that may prevent the page's own zoom).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey) return;
      e.preventDefault();
      zoom(e.deltaY < 0 ? 1 : -1);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [zoom]);

  const toggle = () => {
    const a = audio.current;
    if (!a) return;
    stopAt.current = undefined;
    if (a.paused) void a.play().catch(() => undefined);
    else a.pause();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Only on the player itself: its buttons and select keep their own keys.
    if (e.target !== e.currentTarget) return;
    const k = playerKey(e);
    if (!k) return;
    e.preventDefault();
    e.stopPropagation();
    if (k.kind === 'toggle') toggle();
    else if (k.kind === 'seek') seek((audio.current?.currentTime ?? time) + k.by);
    else zoom(k.by);
  };

  const seekAt = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!peaks || !spp) return;
    const x = e.clientX - e.currentTarget.getBoundingClientRect().left;
    seek(pixelToTime(scroll + x, peaks.sampleRate, spp));
  };

  // One object per view, so an overlay memoised on it skips the frames where only the playhead moves.
  const sampleRate = peaks?.sampleRate ?? 0;
  const overlayView = useMemo<WaveView>(
    () => ({ scroll, width, height: HEIGHT, sampleRate, samplesPerPixel: spp, duration }),
    [scroll, width, sampleRate, spp, duration],
  );

  const src = itemMediaPath(props.itemId, props.field);
  const state = peaks
    ? null
    : peaksError
      ? `No waveform: ${peaksError}. The recording still plays.`
      : media.data === null || (media.data && noSound(media.data.facts))
        ? 'This recording has no waveform.'
        : 'The waveform is being prepared; the recording already plays.';
  return (
    <section
      className="waveform"
      aria-label={`${props.label} player`}
      aria-keyshortcuts={`Space ArrowLeft ArrowRight Shift+ArrowLeft Shift+ArrowRight + -${props.keyShortcuts ? ` ${props.keyShortcuts}` : ''}`}
      aria-describedby={props.describedBy}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the player takes focus for its keys (space, arrows, +/-)
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {/* biome-ignore lint/a11y/useMediaCaption: a recording to transcribe has no captions yet. */}
      <audio
        ref={audio}
        src={src}
        preload="metadata"
        onLoadedMetadata={(e) => setMediaDuration(e.currentTarget.duration || 0)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onSeeked={(e) => setTime(e.currentTarget.currentTime)}
        onRateChange={(e) => setSpeed(e.currentTarget.playbackRate)}
      />
      <div
        className="waveform-scroll"
        ref={scroller}
        onScroll={(e) => setScroll(clampScroll(e.currentTarget.scrollLeft, pixels, width))}
      >
        <div className="waveform-track" style={{ width: Math.max(pixels, width) }}>
          <div className="waveform-stage" style={{ width }}>
            <canvas
              ref={canvas}
              className="waveform-canvas"
              style={{ width, height: HEIGHT }}
              role="img"
              aria-label={`Waveform of ${props.label}, ${clock(duration)} long; playhead at ${clock(time)}`}
              onPointerDown={(e) => {
                e.currentTarget.setPointerCapture(e.pointerId);
                seekAt(e);
              }}
              onPointerMove={(e) => {
                if (e.buttons & 1) seekAt(e);
              }}
            />
            {props.overlay && peaks && spp > 0 && width > 0 && (
              <div className="waveform-overlay">{props.overlay(overlayView)}</div>
            )}
          </div>
        </div>
      </div>
      {state && (
        <p className="waveform-state muted" role="status">
          {state}
        </p>
      )}
      <div className="waveform-bar">
        <button type="button" onClick={toggle} aria-label={playing ? 'Pause' : 'Play'}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <span className="waveform-time" aria-live="off">
          {clock(time)} / {clock(duration)}
        </span>
        <button
          type="button"
          onClick={() => zoom(-1)}
          aria-label="Zoom out"
          disabled={!peaks || levelIndex === undefined || levelIndex >= peaks.levels.length - 1}
        >
          −
        </button>
        <button type="button" onClick={() => zoom(1)} aria-label="Zoom in" disabled={!peaks || !levelIndex}>
          +
        </button>
        <label>
          Speed{' '}
          <select
            value={speed}
            onChange={(e) => {
              const v = Number(e.target.value);
              setSpeed(v);
              if (audio.current) audio.current.playbackRate = v;
            }}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
