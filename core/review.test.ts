import { describe, expect, it } from 'vitest';
import { entersReview, isSampled, nextStatus, type ReviewStatus } from './review.ts';

const drawn = (n: number, p: number) =>
  Array.from({ length: n }, (_, i) => i + 1).filter((k) => isSampled(k, p));

describe('sampling per annotator', () => {
  it("draws each annotator's first submission, then every tenth at 10 %", () => {
    expect(drawn(30, 10)).toEqual([1, 11, 21]);
  });

  it('draws exactly ceil(n·p/100) of the first n, for every n and percent', () => {
    for (let p = 1; p <= 100; p++)
      for (let n = 1; n <= 120; n++) expect(drawn(n, p).length).toBe(Math.ceil((n * p) / 100));
  });

  it('draws all at 100 % and follows the mode', () => {
    expect(drawn(5, 100)).toEqual([1, 2, 3, 4, 5]);
    expect(entersReview('none', null, 1)).toBe(false);
    expect(entersReview('all', null, 7)).toBe(true);
    expect(entersReview('sample', 50, 2)).toBe(false);
    expect(entersReview('sample', 50, 3)).toBe(true);
  });
});

describe('review statuses', () => {
  it('lets a reviewer decide only on queued annotations', () => {
    for (const from of ['awaiting_review', 'reworked'] as ReviewStatus[]) {
      expect(nextStatus(from, 'accept')).toBe('accepted');
      expect(nextStatus(from, 'reject')).toBe('rejected');
      expect(nextStatus(from, 'fix')).toBe('fixed');
    }
    for (const from of ['accepted', 'rejected', 'fixed'] as ReviewStatus[])
      expect(nextStatus(from, 'accept')).toBeUndefined();
  });

  it('puts a resubmitted rejection back in the queue as reworked, and an edited decision as awaiting', () => {
    expect(nextStatus('rejected', 'resubmit')).toBe('reworked');
    expect(nextStatus('accepted', 'resubmit')).toBe('awaiting_review');
    expect(nextStatus('fixed', 'resubmit')).toBe('awaiting_review');
    expect(nextStatus('reworked', 'resubmit')).toBe('reworked');
  });
});
