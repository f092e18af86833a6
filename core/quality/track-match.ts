import { type Box, type TrackAnswer, trackBoxes } from '../interface/index.ts';
import { maxWeightAssignment } from './assignment.ts';

/**
 * Two answers' tracks compared frame by frame on their interpolated boxes (track-boxes.ts), only
 * tracks of the same label against each other:
 * - a pair of tracks' IoU is the mean over the union of their frames of the boxes' IoU (a frame
 *   where only one of them is present counts 0); tracks are matched one to one, per label, by the
 *   assignment with the largest total (the Hungarian method), pairs with IoU 0 left unmatched;
 * - IDF1 (Ristani et al. 2016, "Performance Measures and a Data Set for Multi-Target,
 *   Multi-Camera Tracking"): a box of one answer is a true positive when the track it belongs to
 *   is matched to a track of the other answer that has a box at that frame with IoU ≥ the
 *   threshold; the matching maximises these (IDTP) over one-to-one track pairs, and
 *   IDF1 = 2·IDTP / (boxes of one answer + boxes of the other).
 */

/** IoU of two boxes; 0 when they do not overlap. */
export function boxIoU(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** A track's boxes by frame, up to `lastFrame` (the last frame known for the item). */
export function framesOf(track: TrackAnswer, lastFrame: number | null): Map<number, Box> {
  const out = new Map<number, Box>();
  for (const b of trackBoxes(track, lastFrame)) out.set(b.frame, b);
  return out;
}

interface PairFacts {
  /** Mean IoU over the union of the two tracks' frames. */
  meanIoU: number;
  /** Frames where both are present with IoU ≥ the threshold. */
  hits: number;
}

function comparePair(a: Map<number, Box>, b: Map<number, Box>, threshold: number): PairFacts {
  let sum = 0;
  let hits = 0;
  let both = 0;
  for (const [frame, box] of a) {
    const other = b.get(frame);
    if (!other) continue;
    both++;
    const iou = boxIoU(box, other);
    sum += iou;
    if (iou >= threshold) hits++;
  }
  const union = a.size + b.size - both;
  return { meanIoU: union === 0 ? 0 : sum / union, hits };
}

export interface TrackComparison {
  /** Matched pairs by mean IoU: indices into each answer, with their IoU. */
  matches: { a: number; b: number; iou: number }[];
  /** Boxes (track-frames) of each answer. */
  boxesA: number;
  boxesB: number;
  idtp: number;
  /** 2·IDTP / (boxesA + boxesB); both empty: 1. */
  idf1: number;
}

export function compareTracks(
  a: readonly TrackAnswer[],
  b: readonly TrackAnswer[],
  lastFrame: number | null,
  threshold = 0.5,
): TrackComparison {
  const framesA = a.map((t) => framesOf(t, lastFrame));
  const framesB = b.map((t) => framesOf(t, lastFrame));
  const boxesA = framesA.reduce((s, f) => s + f.size, 0);
  const boxesB = framesB.reduce((s, f) => s + f.size, 0);
  const matches: TrackComparison['matches'] = [];
  let idtp = 0;
  const labels = new Set([...a, ...b].map((t) => t.label));
  for (const label of [...labels].sort()) {
    const ia = a.flatMap((t, i) => (t.label === label ? [i] : []));
    const ib = b.flatMap((t, j) => (t.label === label ? [j] : []));
    if (ia.length === 0 || ib.length === 0) continue;
    const facts = ia.map((i) =>
      ib.map((j) => comparePair(framesA[i] as Map<number, Box>, framesB[j] as Map<number, Box>, threshold)),
    );
    const at = (r: number, c: number) => (facts[r] as PairFacts[])[c] as PairFacts;
    for (const [r, c] of maxWeightAssignment(facts.map((row) => row.map((f) => f.meanIoU))))
      matches.push({ a: ia[r] as number, b: ib[c] as number, iou: at(r, c).meanIoU });
    for (const [r, c] of maxWeightAssignment(facts.map((row) => row.map((f) => f.hits))))
      idtp += at(r, c).hits;
  }
  matches.sort((x, y) => x.a - y.a);
  const idf1 = boxesA + boxesB === 0 ? 1 : (2 * idtp) / (boxesA + boxesB);
  return { matches, boxesA, boxesB, idtp, idf1 };
}

/** The last frame any of these answers' tracks has a keyframe at; null without a keyframe. */
export function lastKeyframe(answers: readonly (readonly TrackAnswer[])[]): number | null {
  let last: number | null = null;
  for (const tracks of answers)
    for (const t of tracks) for (const k of t.keyframes) if (last === null || k.frame > last) last = k.frame;
  return last;
}
