/**
 * Segments of a recording matched one to one by temporal IoU (intersection over union of their
 * time intervals), per label. Matching is greedy: the pairs of the same label are taken by highest
 * IoU first, each segment at most once, while IoU ≥ the threshold. With the default threshold 0.5
 * and segments that do not overlap within one answer, greedy is optimal: a segment can have IoU
 * above 0.5 with at most one segment of the other answer (more than half of it would be covered
 * twice), so there is nothing to choose.
 */

export interface TimeSegment {
  start: number;
  end: number;
  label?: string | undefined;
}

export const DEFAULT_IOU_THRESHOLD = 0.5;

/** IoU of two intervals [start, end); 0 when they do not overlap. */
export function intervalIoU(a: TimeSegment, b: TimeSegment): number {
  const inter = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  if (inter <= 0) return 0;
  const union = Math.max(a.end, b.end) - Math.min(a.start, b.start);
  return union <= 0 ? 0 : inter / union;
}

/** The matched pairs of one label: indices into each side's list, with their IoU. */
export interface SegmentMatch {
  a: number;
  b: number;
  iou: number;
}

/** Matches `a` to `b` one to one, label by label (no label is its own label), greedy by IoU. */
export function matchSegments(
  a: readonly TimeSegment[],
  b: readonly TimeSegment[],
  threshold = DEFAULT_IOU_THRESHOLD,
): SegmentMatch[] {
  const candidates: SegmentMatch[] = [];
  a.forEach((x, i) => {
    b.forEach((y, j) => {
      if ((x.label ?? '') !== (y.label ?? '')) return;
      const iou = intervalIoU(x, y);
      if (iou > 0 && iou >= threshold) candidates.push({ a: i, b: j, iou });
    });
  });
  candidates.sort((p, q) => q.iou - p.iou || p.a - q.a || p.b - q.b);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const out: SegmentMatch[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    out.push(c);
  }
  return out;
}

/** Precision, recall and F1 of `given` against `reference` (both empty: all 1), and the mean IoU of matches. */
export interface SegmentScore {
  precision: number;
  recall: number;
  f1: number;
  /** Mean IoU of the matched pairs; null without a match. */
  meanIoU: number | null;
  matched: number;
}

export function scoreSegments(
  given: readonly TimeSegment[],
  reference: readonly TimeSegment[],
  threshold = DEFAULT_IOU_THRESHOLD,
): SegmentScore {
  const matches = matchSegments(given, reference, threshold);
  const tp = matches.length;
  const iouSum = matches.reduce((s, m) => s + m.iou, 0);
  const meanIoU = tp === 0 ? null : iouSum / tp;
  if (given.length === 0 && reference.length === 0)
    return { precision: 1, recall: 1, f1: 1, meanIoU, matched: 0 };
  const precision = given.length === 0 ? 0 : tp / given.length;
  const recall = reference.length === 0 ? 0 : tp / reference.length;
  const f1 = (2 * tp) / (given.length + reference.length);
  return { precision, recall, f1, meanIoU, matched: tp };
}
