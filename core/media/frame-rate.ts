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

/**
 * The frame shown at `seconds`. A time computed as `frameStart(n)` comes back as n: the product is
 * nudged by a millionth of a frame before flooring, which absorbs the float error of the division.
 */
export const frameAt = (seconds: number, rate: FrameRate): number =>
  Math.max(0, Math.floor((seconds * rate.num) / rate.den + 1e-6));

/** How many frames a media of `durationSeconds` holds (the last one starting before the end). */
export const frameCount = (durationSeconds: number, rate: FrameRate): number =>
  Math.max(0, Math.ceil((durationSeconds * rate.num) / rate.den - 1e-6));

/** The rate as a number, for display (29.97…). */
export const frameRateValue = (rate: FrameRate): number => rate.num / rate.den;
