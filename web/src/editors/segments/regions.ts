import type { SegmentAnswer } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { compareSegments } from '../../../../core/interface/index.ts';

/**
 * The arithmetic of time regions, pure (docs/media.md, "Marking regions"): creating a region from
 * two instants, moving it, moving one edge, always within the recording, within the question's
 * shortest and longest length, and, unless the question allows overlap, within the free gap the
 * region starts in. Times are seconds, `end` exclusive; pointer and playhead times snap to 10 ms.
 * Every edit returns the whole list again, sorted as the server sorts it, with the index of the
 * region it touched, or a sentence saying why nothing changed.
 */
export type Segment = SegmentAnswer;

export interface RegionRules {
  allowOverlap: boolean;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  /** The recording's length in seconds; Infinity while unknown. */
  duration: number;
}

export type Edit = { ok: true; segments: Segment[]; index: number } | { ok: false; message: string };

/** The grid pointer and playhead times snap to: 10 ms. */
export const SNAP_SECONDS = 0.01;

/** A time on the 10 ms grid (as the decimal it reads as: 1.23, not 1.2300000000000002). */
export const snapTime = (t: number): number => Math.round(t * 100) / 100;

/** Rounded to the microsecond, as the server keeps times. */
export const micro = (t: number): number => Math.round(t * 1e6) / 1e6;

const shortest = (rules: RegionRules) => Math.max(SNAP_SECONDS, rules.minLength ?? 0);
const longest = (rules: RegionRules) => rules.maxLength ?? Number.POSITIVE_INFINITY;
const clamp = (t: number, lo: number, hi: number) => Math.min(Math.max(t, lo), hi);
const seconds = (t: number) => String(micro(t));

/** A pointer's or the playhead's time: snapped, inside the recording. */
export const placeTime = (t: number, rules: RegionRules): number => clamp(snapTime(t), 0, rules.duration);

/**
 * The free stretch around `t` among `others`: from the end of the region before to the start of the
 * region after (the recording's ends at the extremes). `side: 'before'` asks about the instant just
 * before `t` (a region whose end is `t` then holds it). Undefined when a region covers it.
 */
export function gapAt(
  others: readonly Segment[],
  t: number,
  duration: number,
  side: 'after' | 'before' = 'after',
): { lo: number; hi: number } | undefined {
  let lo = 0;
  let hi = duration;
  for (const o of others) {
    const covers = side === 'after' ? o.start <= t && t < o.end : o.start < t && t <= o.end;
    if (covers) return undefined;
    if (o.end <= t) lo = Math.max(lo, o.end);
    else hi = Math.min(hi, o.start);
  }
  return { lo, hi };
}

/**
 * The list sorted as the server sorts it, and where `seg` (by identity) went; refused when two
 * regions would be the same (start, end, label and speaker), which the server refuses too.
 */
export function placed(segments: readonly Segment[], seg: Segment): Edit {
  const sorted = [...segments].sort(compareSegments);
  if (sorted.some((s, i) => i > 0 && compareSegments(sorted[i - 1]!, s) === 0))
    return { ok: false, message: 'That region is there already.' };
  return { ok: true, segments: sorted, index: sorted.indexOf(seg) };
}

/** The list with the region at `index` replaced. */
function replaced(segments: readonly Segment[], index: number, seg: Segment): Edit {
  return placed(
    segments.map((s, i) => (i === index ? seg : s)),
    seg,
  );
}

/**
 * A new region between `anchor` (where the drag or the `[` mark began) and `to`, carrying `extra`
 * (its label). The anchor stays; the moving end stops at the neighbouring region (no overlap), at
 * the recording's end and at the longest length. A region shorter than the shortest length grows
 * past `to`, or back past the anchor where there is no room.
 */
export function createRegion(
  segments: readonly Segment[],
  anchor: number,
  to: number,
  rules: RegionRules,
  extra: Omit<Segment, 'start' | 'end'> = {},
): Edit {
  const a = placeTime(anchor, rules);
  const b = placeTime(to, rules);
  const forward = b >= a;
  let lo = 0;
  let hi = rules.duration;
  if (!rules.allowOverlap) {
    const gap = gapAt(segments, a, rules.duration, forward ? 'after' : 'before');
    if (!gap)
      return { ok: false, message: `${seconds(a)} s is inside another region, and regions may not overlap.` };
    ({ lo, hi } = gap);
  }
  const min = shortest(rules);
  const max = longest(rules);
  if (hi - lo < min - 5e-7)
    return { ok: false, message: `There is no room for a region of at least ${seconds(min)} s here.` };
  let start: number;
  let end: number;
  if (forward) {
    start = a;
    end = Math.min(Math.max(b, start + min), start + max, hi);
    // No room after the anchor for the shortest length: the region grows back from the gap's end.
    if (end - start < min) start = end - min;
  } else {
    end = a;
    start = Math.max(Math.min(b, end - min), end - max, lo);
    if (end - start < min) end = start + min;
  }
  const seg: Segment = { ...extra, start: micro(start), end: micro(end) };
  return placed([...segments, seg], seg);
}

/** The free stretch the region at `index` may use: the gap it sits in, or the whole recording. */
function room(segments: readonly Segment[], index: number, rules: RegionRules): { lo: number; hi: number } {
  const seg = segments[index]!;
  if (rules.allowOverlap) return { lo: 0, hi: rules.duration };
  const others = segments.filter((_, i) => i !== index);
  return gapAt(others, seg.start, rules.duration) ?? { lo: seg.start, hi: seg.end };
}

/** Moves one edge of the region at `index` to `t`, kept between its neighbours and its lengths. */
export function resizeEdge(
  segments: readonly Segment[],
  index: number,
  edge: 'start' | 'end',
  t: number,
  rules: RegionRules,
): Edit {
  const seg = segments[index];
  if (!seg) return { ok: false, message: 'No region is selected.' };
  const { lo, hi } = room(segments, index, rules);
  const at = placeTime(t, rules);
  const min = shortest(rules);
  const max = longest(rules);
  const next =
    edge === 'start'
      ? { ...seg, start: micro(clamp(at, Math.max(lo, seg.end - max), seg.end - min)) }
      : { ...seg, end: micro(clamp(at, seg.start + min, Math.min(hi, seg.start + max))) };
  if (next.end - next.start < min - 5e-7 || next.start < 0)
    return { ok: false, message: `There is no room for a region of at least ${seconds(min)} s here.` };
  return replaced(segments, index, next);
}

/** Moves the region at `index` to start at `start`, its length kept, inside its gap and the recording. */
export function moveRegion(
  segments: readonly Segment[],
  index: number,
  start: number,
  rules: RegionRules,
): Edit {
  const seg = segments[index];
  if (!seg) return { ok: false, message: 'No region is selected.' };
  const { lo, hi } = room(segments, index, rules);
  const length = seg.end - seg.start;
  const s = clamp(snapTime(start), lo, Math.max(lo, hi - length));
  return replaced(segments, index, { ...seg, start: micro(s), end: micro(s + length) });
}
