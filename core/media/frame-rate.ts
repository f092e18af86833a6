/**
 * Frame arithmetic on a probed frame rate kept as an exact rational ("30000/1001"), so frame
 * numbers never drift the way `seconds * 29.97` does over an hour of video. Frames count from 0;
 * frame n is shown from `frameStart(n)` until `frameStart(n + 1)`.
 */
export interface FrameRate {
  num: number;
  den: number;
}

const RATIONAL = /^([1-9][0-9]{0,9})\/([1-9][0-9]{0,9})$/;

/** The rational in a media's facts, or null when there is none or it is not a positive rational. */
export function parseFrameRate(text: string | null | undefined): FrameRate | null {
  if (!text) return null;
  const m = RATIONAL.exec(text);
  if (!m) return null;
  return { num: Number(m[1]), den: Number(m[2]) };
}

/** When frame `frame` starts, in seconds. */
export const frameStart = (frame: number, rate: FrameRate): number => (frame * rate.den) / rate.num;

/** A thousandth of a frame: see frameAt. */
const FRAME_NUDGE = 1e-3;

/**
 * The frame shown at `seconds`. A time computed as `frameStart(n)` comes back as n, also once kept
 * to the microsecond as answers are: the product is nudged by a thousandth of a frame before
 * flooring, which absorbs the division's float error and the rounding (half a microsecond is
 * 0.00003 of a frame at 60 fps). A time within that thousandth before a frame starts counts as it.
 */
export const frameAt = (seconds: number, rate: FrameRate): number =>
  Math.max(0, Math.floor((seconds * rate.num) / rate.den + FRAME_NUDGE));

/** How many frames a media of `durationSeconds` holds (the last one starting before the end). */
export const frameCount = (durationSeconds: number, rate: FrameRate): number =>
  Math.max(0, Math.ceil((durationSeconds * rate.num) / rate.den - FRAME_NUDGE));

/** The rate as a number, for display (29.97…). */
export const frameRateValue = (rate: FrameRate): number => rate.num / rate.den;
