import { snap, type TextIndex, u16ToCp } from './text-index.ts';

/** A stretch of the text rendered as one block; code points, `end` exclusive. */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/**
 * Splits the text into blocks of about `target` code points (at most `max`) for virtualised
 * rendering: after a blank line if one is near, else after a newline, else after a space, else at
 * a grapheme boundary. Segments are contiguous, non-empty and cover the whole text.
 */
export function splitSegments(index: TextIndex, target = 1500, max = 2500): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  while (start < index.length) {
    const end = index.length - start <= max ? index.length : breakAfter(index, start, target, max);
    out.push({ start, end });
    start = end;
  }
  return out;
}

function breakAfter(index: TextIndex, start: number, target: number, max: number): number {
  const { text, starts } = index;
  const lo = starts[start + Math.floor(target / 2)]!;
  const hi = starts[start + max]!;
  for (const sep of ['\n\n', '\n', ' ']) {
    // The separator nearest after the target, else the last one before it.
    const mid = starts[start + target]!;
    let at = text.indexOf(sep, mid);
    if (at < 0 || at + sep.length > hi) at = text.lastIndexOf(sep, mid - 1);
    if (at >= lo && at + sep.length <= hi) {
      const cut = snap(index, u16ToCp(index, at + sep.length), 'ceil');
      if (cut > start && cut <= start + max) return cut;
    }
  }
  const cut = snap(index, start + target, 'floor');
  return cut > start ? cut : snap(index, start + target, 'ceil');
}

/** The segment holding code point `cp` (the last one for the end of the text). */
export function segmentAt(segments: readonly Segment[], cp: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid]!.start <= cp) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each segment, the indices of the spans that overlap it, in the spans' order. */
export function bucketSpans(
  segments: readonly Segment[],
  spans: readonly { start: number; end: number }[],
): number[][] {
  const buckets: number[][] = segments.map(() => []);
  spans.forEach((s, i) => {
    for (let k = segmentAt(segments, s.start); k < segments.length && segments[k]!.start < s.end; k++) {
      buckets[k]!.push(i);
    }
  });
  return buckets;
}

/** Estimated rendered lines of a segment at `charsPerLine`, for the height of its placeholder. */
export function estimateLines(index: TextIndex, seg: Segment, charsPerLine: number): number {
  const text = index.text.slice(index.starts[seg.start], index.starts[seg.end]);
  let lines = 0;
  for (const line of text.split('\n'))
    lines += Math.max(1, Math.ceil(line.length / Math.max(1, charsPerLine)));
  return text.endsWith('\n') ? lines - 1 : lines;
}
