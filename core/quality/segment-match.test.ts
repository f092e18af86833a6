import { describe, expect, it } from 'vitest';
import { intervalIoU, matchSegments, scoreSegments } from './segment-match.ts';

const s = (start: number, end: number, label?: string) => ({ start, end, label });

describe('segment matching by temporal IoU', () => {
  it('computes IoU of intervals, end exclusive', () => {
    expect(intervalIoU(s(0, 2), s(1, 3))).toBeCloseTo(1 / 3, 12);
    expect(intervalIoU(s(0, 2), s(2, 3))).toBe(0);
    expect(intervalIoU(s(0, 4), s(1, 3))).toBe(0.5);
  });

  it('matches one to one per label at IoU ≥ the threshold, highest first', () => {
    const a = [s(0, 4, 'speech'), s(5, 6, 'music')];
    const b = [s(1, 4, 'speech'), s(0, 3, 'speech'), s(5, 6, 'speech')];
    // speech 0-4 against 1-4 (0.75) and 0-3 (0.75): the first by order; music has no partner.
    expect(matchSegments(a, b)).toEqual([{ a: 0, b: 0, iou: 0.75 }]);
    expect(matchSegments(a, b, 0.8)).toEqual([]);
  });

  it('gives precision, recall, F1 and mean IoU against a reference', () => {
    // Given 3, reference 2: 0-4 ~ 0-5 (IoU 0.8), 10-12 ~ 10-12 (1), 20-21 unmatched.
    const r = scoreSegments([s(0, 4), s(10, 12), s(20, 21)], [s(0, 5), s(10, 12)]);
    expect(r).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8, meanIoU: 0.9, matched: 2 });
    expect(scoreSegments([], []).f1).toBe(1);
    expect(scoreSegments([s(0, 1)], []).f1).toBe(0);
  });
});
