import { type FrameRate, frameStart } from '../../../../core/media/frame-rate.ts';

/**
 * Segments over a video, edited in whole frames (docs/media.md, "Video"). The answer keeps seconds
 * (`start` the first frame's start, `end` exclusive: the start of the frame after the last), so
 * every time a person sets is a frame start. Pure: each operation returns the new list.
 */
export interface VideoSegment {
  start: number;
  end: number;
  label?: string;
  speaker?: string;
  text?: string;
}

/** A segment's frames: `from` its first, `to` the frame after its last. */
export interface FrameSpan {
  from: number;
  to: number;
}

/**
 * The frame whose start is nearest `seconds`. Stored times are rounded to the microsecond
 * (segments-check.ts), which at 30000/1001 can fall just below a frame's start; rounding to the
 * nearest start reads them back as the frame they were set at.
 */
export const nearestFrame = (seconds: number, rate: FrameRate): number =>
  Math.max(0, Math.round((seconds * rate.num) / rate.den));

export const framesOf = (s: VideoSegment, rate: FrameRate): FrameSpan => ({
  from: nearestFrame(s.start, rate),
  to: nearestFrame(s.end, rate),
});

/** A segment with its times set from frames (at least one frame long), other properties kept. */
export function withFrames(s: VideoSegment, span: FrameSpan, rate: FrameRate): VideoSegment {
  const from = Math.max(0, Math.min(span.from, span.to));
  const to = Math.max(from + 1, Math.max(span.from, span.to));
  return { ...s, start: frameStart(from, rate), end: frameStart(to, rate) };
}

/** The segment under `frame`: the last one that starts at or before it and ends after it. */
export function segmentAt(list: readonly VideoSegment[], frame: number, rate: FrameRate): number | undefined {
  let found: number | undefined;
  list.forEach((s, i) => {
    const f = framesOf(s, rate);
    if (f.from <= frame && frame < f.to) found = i;
  });
  return found;
}

/** The list sorted by start then end, and where the segment at `index` went (selection follows it). */
export function sorted(
  list: readonly VideoSegment[],
  index: number | undefined,
): { list: VideoSegment[]; index: number | undefined } {
  const keyed = list.map((s, i) => ({ s, i }));
  keyed.sort((a, b) => a.s.start - b.s.start || a.s.end - b.s.end);
  const at = keyed.findIndex((k) => k.i === index);
  return { list: keyed.map((k) => k.s), index: at === -1 ? undefined : at };
}

export interface Edit {
  list: VideoSegment[];
  /** The segment selected after the edit. */
  selected: number | undefined;
}

/**
 * `[` at `frame`: the selected segment starts there (keeping at least one frame); with none
 * selected, a new one-frame segment starts there, labelled `label`.
 */
export function setStart(
  list: readonly VideoSegment[],
  selected: number | undefined,
  frame: number,
  rate: FrameRate,
  label: string | undefined,
): Edit {
  const cur = selected === undefined ? undefined : list[selected];
  if (!cur) return addSegment(list, { from: frame, to: frame + 1 }, rate, label);
  const f = framesOf(cur, rate);
  const next = withFrames(cur, { from: frame, to: Math.max(f.to, frame + 1) }, rate);
  return asEdit(sorted(replace(list, selected as number, next), selected));
}

/**
 * `]` at `frame`: the selected segment ends where `frame` starts (the frame before is its last);
 * with none selected, a new one-frame segment ends there.
 */
export function setEnd(
  list: readonly VideoSegment[],
  selected: number | undefined,
  frame: number,
  rate: FrameRate,
  label: string | undefined,
): Edit {
  const cur = selected === undefined ? undefined : list[selected];
  const to = Math.max(1, frame);
  if (!cur) return addSegment(list, { from: to - 1, to }, rate, label);
  const f = framesOf(cur, rate);
  const next = withFrames(cur, { from: Math.min(f.from, to - 1), to }, rate);
  return asEdit(sorted(replace(list, selected as number, next), selected));
}

/** A new segment over `span`, labelled `label` when given, selected. */
export function addSegment(
  list: readonly VideoSegment[],
  span: FrameSpan,
  rate: FrameRate,
  label: string | undefined,
): Edit {
  const made = withFrames(
    label === undefined ? { start: 0, end: 0 } : { start: 0, end: 0, label },
    span,
    rate,
  );
  return asEdit(sorted([...list, made], list.length));
}

/** The segment at `index` relabelled (or given `label` when it had none). */
export function relabel(list: readonly VideoSegment[], index: number, label: string): VideoSegment[] {
  const cur = list[index];
  return cur ? replace(list, index, { ...cur, label }) : [...list];
}

export function remove(list: readonly VideoSegment[], index: number): Edit {
  return { list: list.filter((_, i) => i !== index), selected: undefined };
}

export function replace(list: readonly VideoSegment[], index: number, s: VideoSegment): VideoSegment[] {
  return list.map((x, i) => (i === index ? s : x));
}

const asEdit = (r: { list: VideoSegment[]; index: number | undefined }): Edit => ({
  list: r.list,
  selected: r.index,
});
