import type { SpanAnswer } from '../../../../core/interface/index.ts';
import type { Segment } from './segments.ts';

/**
 * Layer (underline row) per span, aligned with `spans`: overlapping spans never share a layer,
 * longer spans sit lower, and the number of layers is the deepest overlap.
 */
export function assignLayers(spans: readonly { start: number; end: number }[]): number[] {
  const order = spans.map((_, i) => i);
  order.sort((a, b) => spans[a]!.start - spans[b]!.start || spans[b]!.end - spans[a]!.end);
  const layerEnds: number[] = [];
  const layers = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const s = spans[i]!;
    let layer = layerEnds.findIndex((end) => end <= s.start);
    if (layer < 0) layer = layerEnds.length;
    layerEnds[layer] = s.end;
    layers[i] = layer;
  }
  return layers;
}

/** A run of text under one unchanging set of spans; `covering` holds span indices. */
export interface Piece {
  start: number;
  end: number;
  covering: number[];
}

/**
 * Cuts a segment into pieces wherever a span (from `candidates`, indices into `spans`) starts or
 * ends, or at an extra cut (the caret, the selection ends). Pieces are contiguous and cover it.
 */
export function piecesOf(
  seg: Segment,
  spans: readonly SpanAnswer[],
  candidates: readonly number[],
  cuts: readonly number[] = [],
): Piece[] {
  const points = new Set<number>([seg.start, seg.end]);
  const add = (p: number) => {
    if (p > seg.start && p < seg.end) points.add(p);
  };
  for (const i of candidates) {
    add(spans[i]!.start);
    add(spans[i]!.end);
  }
  cuts.forEach(add);
  const sorted = [...points].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const start = sorted[k]!;
    const end = sorted[k + 1]!;
    const covering = candidates.filter((i) => spans[i]!.start <= start && spans[i]!.end >= end);
    pieces.push({ start, end, covering });
  }
  return pieces;
}
