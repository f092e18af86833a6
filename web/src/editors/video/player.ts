import { type FrameRate, frameStart } from '../../../../core/media/frame-rate.ts';

/**
 * The video player's maths, pure (docs/media.md, "Video"). The current frame is an integer the
 * player keeps; times are derived from it through the probed rational rate, never summed, so 100
 * steps at 30000/1001 land on frame 100 exactly.
 */

/** Speeds the player offers. */
export const VIDEO_SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/**
 * Where to seek to show frame `frame`: half a frame after its start, so the browser, whichever way
 * it rounds the container's timestamps (WebM keeps milliseconds), shows that frame.
 */
export const seekTime = (frame: number, rate: FrameRate): number => frameStart(frame + 0.5, rate);

/**
 * The frame whose presentation time is `seconds` (requestVideoFrameCallback's mediaTime): the
 * nearest frame start, since containers store timestamps rounded (a millisecond in WebM).
 */
export const frameOfPresentation = (seconds: number, rate: FrameRate): number =>
  Math.max(0, Math.round((seconds * rate.num) / rate.den));

/** A frame number kept within a video of `count` frames (count unknown: only from 0). */
export const clampFrame = (frame: number, count: number | null): number =>
  Math.max(0, count === null ? frame : Math.min(count - 1, frame));

export type VideoKey = { kind: 'toggle' } | { kind: 'step'; by: number } | { kind: 'home' } | { kind: 'end' };

interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key pressed on the player means; undefined: not the player's (digits, Enter… pass on).
 * `,` and `.` step one frame, with Shift ten (which most layouts report as `<` and `>`).
 */
export function videoKey(e: KeyLike): VideoKey | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  switch (e.key) {
    case ' ':
      return { kind: 'toggle' };
    case ',':
      return { kind: 'step', by: e.shiftKey ? -10 : -1 };
    case '.':
      return { kind: 'step', by: e.shiftKey ? 10 : 1 };
    case '<':
      return { kind: 'step', by: -10 };
    case '>':
      return { kind: 'step', by: 10 };
    case 'Home':
      return { kind: 'home' };
    case 'End':
      return { kind: 'end' };
    default:
      return undefined;
  }
}

/** The x (CSS pixels from the timeline's left) where frame `frame` starts, on a timeline `width` wide. */
export const frameToX = (frame: number, count: number, width: number): number =>
  count <= 0 ? 0 : (frame / count) * width;

/** The frame under x on the timeline. */
export const xToFrame = (x: number, count: number, width: number): number =>
  count <= 0 || width <= 0 ? 0 : clampFrame(Math.floor((x / width) * count), count);

/** A time as people read it, to the millisecond: m:ss.mmm, or h:mm:ss.mmm from an hour. */
export function preciseClock(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const rest = `${String(s).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}
