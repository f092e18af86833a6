import type { Box, Keyframe, TrackAnswer } from './tracks-check.ts';

/** A track's box at one frame, and whether a person placed it there (a keyframe) or it is interpolated. */
export interface FrameBox extends Box {
  frame: number;
  keyframe: boolean;
}

const isBox = (k: Keyframe): k is Keyframe & Box => k.outside !== true;

/**
 * The box of a track (keyframes sorted by frame, as validation leaves them) at `frame`, or null
 * where the track is absent: before its first keyframe, from an `outside` keyframe until the next
 * keyframe, and after `lastFrame` when given. Between two boxes the box moves linearly; after the
 * last keyframe a box stays where it is until the end of the video.
 */
export function boxAt(
  keyframes: readonly Keyframe[],
  frame: number,
  lastFrame: number | null = null,
): FrameBox | null {
  if (lastFrame !== null && frame > lastFrame) return null;
  // The last keyframe at or before `frame`, by binary search.
  let lo = 0;
  let hi = keyframes.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((keyframes[mid] as Keyframe).frame <= frame) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (at < 0) return null;
  const a = keyframes[at] as Keyframe;
  if (!isBox(a)) return null;
  const b = keyframes[at + 1];
  if (a.frame === frame || b === undefined || !isBox(b))
    return { frame, x: a.x, y: a.y, width: a.width, height: a.height, keyframe: a.frame === frame };
  const t = (frame - a.frame) / (b.frame - a.frame);
  const mix = (p: number, q: number) => Math.round((p + (q - p) * t) * 100) / 100;
  return {
    frame,
    x: mix(a.x, b.x),
    y: mix(a.y, b.y),
    width: mix(a.width, b.width),
    height: mix(a.height, b.height),
    keyframe: false,
  };
}

/**
 * Every frame where the track is present, in order, with its box: from the first keyframe to
 * `lastFrame` (the video's last frame) or, when that is unknown, to the last keyframe.
 */
export function* trackBoxes(track: TrackAnswer, lastFrame: number | null): Generator<FrameBox> {
  const kfs = track.keyframes;
  const first = kfs[0];
  if (!first) return;
  const lastKey = (kfs[kfs.length - 1] as Keyframe).frame;
  const end = lastFrame ?? lastKey;
  for (let i = 0; i < kfs.length; i++) {
    const a = kfs[i] as Keyframe;
    if (!isBox(a)) continue;
    const next = kfs[i + 1];
    const stop = next === undefined ? end : Math.min(next.frame - 1, end);
    for (let f = a.frame; f <= stop; f++) {
      const box = boxAt(kfs, f);
      if (box) yield box;
    }
  }
}
