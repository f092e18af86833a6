import type { Box, Keyframe, TrackAnswer } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { boxAt } from '../../../../core/interface/questions/track-boxes.ts';

/**
 * A tracks answer edited, pure (docs/media.md, "Video"): keyframes set, removed, an object leaving
 * (`outside`) and coming back, tracks made with ids `t1`, `t2`… Every operation returns new tracks
 * whose keyframes are sorted and valid by tracks-check.ts: a track starts with a box and an
 * `outside` keyframe follows a box.
 */
export type { Box, Keyframe, TrackAnswer };

const isBox = (k: Keyframe): k is Keyframe & Box => k.outside !== true;

/** The next free id of the form t<n>. */
export function nextTrackId(tracks: readonly TrackAnswer[]): string {
  let n = 0;
  for (const t of tracks) {
    const m = /^t(\d+)$/.exec(t.id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `t${n + 1}`;
}

/** Keyframes made valid: sorted, no leading `outside`, no `outside` right after another. */
export function normalize(keyframes: readonly Keyframe[]): Keyframe[] {
  const out: Keyframe[] = [];
  for (const k of [...keyframes].sort((a, b) => a.frame - b.frame)) {
    const prev = out[out.length - 1];
    if (!isBox(k) && (!prev || !isBox(prev))) continue;
    out.push(k);
  }
  return out;
}

const boxOnly = (b: Box): Box => ({ x: b.x, y: b.y, width: b.width, height: b.height });

/** The track with a box keyframe at `frame` (replacing whatever keyframe was there). */
export function setBox(track: TrackAnswer, frame: number, box: Box): TrackAnswer {
  const rest = track.keyframes.filter((k) => k.frame !== frame);
  return { ...track, keyframes: normalize([...rest, { frame, ...boxOnly(box) }]) };
}

/** The track without its keyframe at `frame`; null when no keyframe is left. */
export function removeKeyframe(track: TrackAnswer, frame: number): TrackAnswer | null {
  const keyframes = normalize(track.keyframes.filter((k) => k.frame !== frame));
  return keyframes.length === 0 ? null : { ...track, keyframes };
}

/**
 * O at `frame`: a present object leaves there (an `outside` keyframe); an absent one comes back
 * there with the box it last had (or its first box, before the track starts); an `outside`
 * keyframe at `frame` is taken away. The first keyframe cannot be `outside`: unchanged.
 */
export function toggleOutside(track: TrackAnswer, frame: number): TrackAnswer {
  const kfs = track.keyframes;
  const here = kfs.find((k) => k.frame === frame);
  if (here && !isBox(here)) return { ...track, keyframes: normalize(kfs.filter((k) => k !== here)) };
  if (boxAt(kfs, frame)) {
    if (kfs[0]?.frame === frame) return track;
    const rest = kfs.filter((k) => k.frame !== frame);
    return { ...track, keyframes: normalize([...rest, { frame, outside: true }]) };
  }
  const before = [...kfs].reverse().find((k) => k.frame < frame && isBox(k));
  const box = (before ?? kfs.find(isBox)) as (Keyframe & Box) | undefined;
  return box ? setBox(track, frame, box) : track;
}

/** The keyframe after `frame`, or the track's first when none is after it. */
export const nextKeyframe = (track: TrackAnswer, frame: number): number | undefined =>
  (track.keyframes.find((k) => k.frame > frame) ?? track.keyframes[0])?.frame;

/**
 * The frames where the track is present, as `[from, to)` runs, up to `count` frames (the video's;
 * unknown: to its last keyframe). A box holds after the last keyframe until the end.
 */
export function presence(track: TrackAnswer, count: number | null): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  let open: number | undefined;
  for (const k of track.keyframes) {
    if (isBox(k)) open ??= k.frame;
    else if (open !== undefined) {
      runs.push({ from: open, to: k.frame });
      open = undefined;
    }
  }
  const last = track.keyframes[track.keyframes.length - 1];
  if (open !== undefined && last) runs.push({ from: open, to: Math.max(open + 1, count ?? last.frame + 1) });
  return runs;
}

/** How many frames the runs cover. */
export const presentFrames = (runs: readonly { from: number; to: number }[]): number =>
  runs.reduce((n, r) => n + r.to - r.from, 0);

/** Each track's box at `frame` (tracks absent there left out), for the overlay. */
export function boxesAt(
  tracks: readonly TrackAnswer[],
  frame: number,
  lastFrame: number | null,
): { id: string; label: string; box: Box; keyframe: boolean }[] {
  const out: { id: string; label: string; box: Box; keyframe: boolean }[] = [];
  for (const t of tracks) {
    const b = boxAt(t.keyframes, frame, lastFrame);
    if (b) out.push({ id: t.id, label: t.label, box: boxOnly(b), keyframe: b.keyframe });
  }
  return out;
}
