import type { Segment } from './regions.ts';

/**
 * Where regions are drawn over the waveform, and what a pointer is on, pure: overlapping regions
 * stack in rows (each the first row free at its start), x is in the view's CSS pixels.
 */

/** Each region's row (0 = top) and how many rows there are. */
export function stackRows(segments: readonly Segment[]): { rows: number[]; count: number } {
  const ends: number[] = [];
  const rows = segments.map((s) => {
    let row = ends.findIndex((end) => end <= s.start);
    if (row === -1) row = ends.length;
    ends[row] = s.end;
    return row;
  });
  return { rows, count: Math.max(1, ends.length) };
}

export interface RegionBox {
  index: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export type Hit =
  | { kind: 'empty' }
  | { kind: 'body'; index: number }
  | { kind: 'edge'; index: number; edge: 'start' | 'end' };

/** How near an edge (CSS px) a press takes the edge rather than the body. */
export const EDGE_PX = 5;

/**
 * What a press at (x, y) is on: an edge of a region (within EDGE_PX, the nearer edge of a narrow
 * one), a region's body, or empty waveform. Later boxes are drawn on top, so they win; the selected
 * region's edges win over any other's.
 */
export function hitTest(boxes: readonly RegionBox[], x: number, y: number, selected?: number): Hit {
  const inRow = boxes.filter((b) => y >= b.y0 && y < b.y1);
  const edgeOf = (b: RegionBox): Hit | undefined => {
    const ds = Math.abs(x - b.x0);
    const de = Math.abs(x - b.x1);
    if (Math.min(ds, de) > EDGE_PX) return undefined;
    return { kind: 'edge', index: b.index, edge: ds < de ? 'start' : 'end' };
  };
  const sel = inRow.find((b) => b.index === selected);
  const selEdge = sel && edgeOf(sel);
  if (selEdge) return selEdge;
  for (let i = inRow.length - 1; i >= 0; i -= 1) {
    const edge = edgeOf(inRow[i]!);
    if (edge) return edge;
  }
  for (let i = inRow.length - 1; i >= 0; i -= 1) {
    const b = inRow[i]!;
    if (x >= b.x0 && x < b.x1) return { kind: 'body', index: b.index };
  }
  return { kind: 'empty' };
}

/** A transcript timestamp: 00:01:02.300 (hours, minutes, seconds, milliseconds). */
export function stamp(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms % 1000).padStart(3, '0')}`;
}

/** A speaker's name as typed, made an RTTM token: spaces become `_`, other characters are dropped. */
export const speakerToken = (typed: string): string =>
  typed
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9_.-]/g, '')
    .slice(0, 64);

/** The speakers already named in the answer, in the order first used. */
export const speakersUsed = (segments: readonly Segment[]): string[] => [
  ...new Set(segments.flatMap((s) => (s.speaker ? [s.speaker] : []))),
];
