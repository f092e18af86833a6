import { PEAK_LEVELS, TILE_PIXELS } from '../../../../core/media/peaks-format.ts';

/**
 * The waveform player's maths, pure (docs/media.md, "The player"): one canvas pixel is one pixel
 * of a peaks level (samples per pixel), so zooming is choosing a level and scrolling is an offset
 * in that level's pixels. Times are seconds, positions CSS pixels.
 */

export interface PeaksIndex {
  sampleRate: number;
  samples: number;
  tilePixels: number;
  levels: readonly { samplesPerPixel: number; pixels: number; tiles: number }[];
}

/** Seconds per pixel at a level. */
export const secondsPerPixel = (sampleRate: number, samplesPerPixel: number): number =>
  samplesPerPixel / sampleRate;

/** The time at x pixels from the start of the whole waveform (not the view). */
export function pixelToTime(px: number, sampleRate: number, samplesPerPixel: number): number {
  return Math.max(0, px) * secondsPerPixel(sampleRate, samplesPerPixel);
}

/** The pixel (from the start of the whole waveform) where time `t` falls. */
export function timeToPixel(t: number, sampleRate: number, samplesPerPixel: number): number {
  return Math.max(0, t) / secondsPerPixel(sampleRate, samplesPerPixel);
}

/** A level's width in pixels: its last pixel may cover fewer samples. */
export const levelPixels = (samples: number, samplesPerPixel: number): number =>
  Math.ceil(samples / samplesPerPixel);

/**
 * The level that fits: the finest whose whole waveform is no wider than the view, else the coarsest
 * (a longer file scrolls). Returns its index in `levels`.
 */
export function fittingLevel(
  samples: number,
  width: number,
  levels: readonly number[] = PEAK_LEVELS,
): number {
  const i = levels.findIndex((l) => levelPixels(samples, l) <= Math.max(1, width));
  return i === -1 ? levels.length - 1 : i;
}

/** The tiles that cover pixels [scroll, scroll + width) of a level with `pixels` pixels. */
export function visibleTiles(
  scroll: number,
  width: number,
  pixels: number,
  tilePixels: number = TILE_PIXELS,
): number[] {
  if (pixels <= 0 || width <= 0) return [];
  const first = Math.max(0, Math.floor(scroll / tilePixels));
  const lastPixel = Math.min(pixels, scroll + width) - 1;
  if (lastPixel < first * tilePixels) return [];
  const last = Math.floor(lastPixel / tilePixels);
  const out: number[] = [];
  for (let t = first; t <= last; t += 1) out.push(t);
  return out;
}

/** The scroll that keeps time `t` at the same place in the view after a change of level. */
export function scrollKeeping(
  t: number,
  atX: number,
  sampleRate: number,
  samplesPerPixel: number,
  pixels: number,
  width: number,
): number {
  return clampScroll(timeToPixel(t, sampleRate, samplesPerPixel) - atX, pixels, width);
}

export const clampScroll = (scroll: number, pixels: number, width: number): number =>
  Math.round(Math.max(0, Math.min(scroll, pixels - width)));

/**
 * The scroll after the playhead moved to pixel `px`: unchanged while it is in view, else a page
 * on so the playhead sits at the view's left quarter.
 */
export function followPlayhead(px: number, scroll: number, pixels: number, width: number): number {
  if (px >= scroll && px < scroll + width) return scroll;
  return clampScroll(px - width / 4, pixels, width);
}

/** A playback position as people read it: m:ss, or h:mm:ss from an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Speeds the player offers (the select), 0.5× to 2×. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

/** The seek of an arrow key: 5 s, 1 s with Shift. */
export const seekStep = (shift: boolean): number => (shift ? 1 : 5);

export type PlayerKey = { kind: 'toggle' } | { kind: 'seek'; by: number } | { kind: 'zoom'; by: 1 | -1 };

/** What a key pressed on the player means; undefined: not the player's (digits, Enter… pass on). */
export function playerKey(e: {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): PlayerKey | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === ' ') return { kind: 'toggle' };
  if (e.key === 'ArrowLeft') return { kind: 'seek', by: -seekStep(e.shiftKey) };
  if (e.key === 'ArrowRight') return { kind: 'seek', by: seekStep(e.shiftKey) };
  if (e.key === '+' || e.key === '=') return { kind: 'zoom', by: 1 };
  if (e.key === '-') return { kind: 'zoom', by: -1 };
  return undefined;
}
