import {
  createRegion,
  type Edit,
  micro,
  placed,
  placeTime,
  type RegionRules,
  type Segment,
} from './regions.ts';

/**
 * List edits of a segments answer, pure: what a region says (label, speaker, text), removing,
 * splitting and merging, and which region comes next. Each returns the whole list, sorted.
 */

type Says = Partial<Pick<Segment, 'label' | 'speaker' | 'text'>>;

/** The region at `index` with what it says changed; an empty or undefined value drops the key. */
export function patchRegion(segments: readonly Segment[], index: number, patch: Says): Edit {
  const seg = segments[index];
  if (!seg) return { ok: false, message: 'No region is selected.' };
  const next: Segment = { ...seg };
  for (const key of ['label', 'speaker', 'text'] as const) {
    if (!(key in patch)) continue;
    const v = patch[key];
    if (v === undefined || v === '') delete next[key];
    else next[key] = v;
  }
  return placed(
    segments.map((s, i) => (i === index ? next : s)),
    next,
  );
}

export const removeRegion = (segments: readonly Segment[], index: number): Segment[] =>
  segments.filter((_, i) => i !== index);

/**
 * Splits the region at `index` at time `t` (snapped) into two that touch; each keeps the label and
 * speaker, and the text divides at `caret` (a UTF-16 offset into it; all of it stays in the first
 * without one). Both halves must keep the shortest length. Returns the second half's index.
 */
export function splitRegion(
  segments: readonly Segment[],
  index: number,
  t: number,
  rules: RegionRules,
  caret?: number,
): Edit {
  const seg = segments[index];
  if (!seg) return { ok: false, message: 'No region is selected.' };
  const at = placeTime(t, rules);
  const min = Math.max(0.01, rules.minLength ?? 0) - 5e-7;
  if (at - seg.start < min || seg.end - at < min)
    return { ok: false, message: 'Move the playhead inside the region, away from its edges, to split it.' };
  const text = seg.text ?? '';
  const cut = caret === undefined ? text.length : Math.max(0, Math.min(text.length, caret));
  const { text: _, ...rest } = seg;
  const first: Segment = { ...rest, end: micro(at) };
  const second: Segment = { ...rest, start: micro(at) };
  const before = text.slice(0, cut).trimEnd();
  const after = text.slice(cut).trimStart();
  if (before) first.text = before;
  if (after) second.text = after;
  const next = segments.flatMap((s, i) => (i === index ? [first, second] : [s]));
  return placed(next, second);
}

/**
 * Merges the region at `index` into the one before it (in list order): from the earlier start to
 * the later end, the texts joined by a space, the earlier one's label and speaker. Refused when the
 * result would pass the longest length. Returns the merged region's index.
 */
export function mergeWithPrevious(segments: readonly Segment[], index: number, rules: RegionRules): Edit {
  const prev = segments[index - 1];
  const seg = segments[index];
  if (!prev || !seg) return { ok: false, message: 'There is no region before this one to merge with.' };
  const merged: Segment = { ...prev, start: prev.start, end: Math.max(prev.end, seg.end) };
  if (rules.maxLength !== undefined && merged.end - merged.start > rules.maxLength + 5e-7)
    return { ok: false, message: `Merged, the region would be longer than ${rules.maxLength} s.` };
  const text = [prev.text, seg.text].filter((x) => x?.trim()).join(' ');
  if (text) merged.text = text;
  else delete merged.text;
  const next = segments.flatMap((s, i) => (i === index - 1 ? [merged] : i === index ? [] : [s]));
  return placed(next, merged);
}

/** Without a playhead past the region: how long a segment started from its end is. */
export const NEW_SEGMENT_SECONDS = 1;

/**
 * A new segment after the region at `index`: from its end to the playhead when the playhead is
 * past it, else NEW_SEGMENT_SECONDS long (shorter where the next region begins). With `caret`, the
 * text after it moves to the new segment. Returns the new segment's index.
 */
export function appendAfter(
  segments: readonly Segment[],
  index: number,
  playhead: number,
  rules: RegionRules,
  opts: { extra?: Omit<Segment, 'start' | 'end' | 'text'>; caret?: number } = {},
): Edit {
  const seg = segments[index];
  if (!seg) return { ok: false, message: 'No region is selected.' };
  const to = playhead > seg.end + 0.005 ? playhead : seg.end + NEW_SEGMENT_SECONDS;
  const text = seg.text ?? '';
  const cut = opts.caret === undefined ? text.length : Math.max(0, Math.min(text.length, opts.caret));
  const { text: _, ...rest } = seg;
  const kept: Segment = text.slice(0, cut).trimEnd() ? { ...rest, text: text.slice(0, cut).trimEnd() } : rest;
  const moved = text.slice(cut).trimStart();
  const list = segments.map((s, i) => (i === index ? kept : s));
  return createRegion(list, seg.end, to, rules, { ...opts.extra, ...(moved ? { text: moved } : {}) });
}

/**
 * The region Tab (dir 1) or Shift+Tab (dir -1) selects: the one after or before the selected one
 * in list order; with none selected, the first starting at or after the playhead, or the last
 * starting before it. Undefined past either end (Tab then leaves the waveform).
 */
export function stepRegion(
  segments: readonly Segment[],
  selected: number | undefined,
  playhead: number,
  dir: 1 | -1,
): number | undefined {
  if (selected !== undefined) {
    const i = selected + dir;
    return i >= 0 && i < segments.length ? i : undefined;
  }
  if (dir === 1) {
    const i = segments.findIndex((s) => s.start >= playhead - 1e-6);
    return i === -1 ? undefined : i;
  }
  const i = segments.findLastIndex((s) => s.start < playhead - 1e-6);
  return i === -1 ? undefined : i;
}

/**
 * The region playing at `t`: of those covering it, the one starting last. Binary search on the
 * sorted starts, then a walk back (short unless regions overlap a lot).
 */
export function regionAt(segments: readonly Segment[], t: number): number | undefined {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid]!.start <= t) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0; i -= 1) if (segments[i]!.end > t) return i;
  return undefined;
}
