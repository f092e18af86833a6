import { describe, expect, it } from 'vitest';
import { majorityVote } from './majority.ts';
import { accuracy, crowd, oneCoin } from './synthetic.ts';
import { VoteTable } from './votes.ts';
import { weightedVote, workerAccuracy } from './weighted.ts';

// Workers 0-3 are experts (90 %), the other 16 barely better than chance (40 % on 3 labels).
const skill = (w: number) => (w < 4 ? 0.9 : 0.4);
const mixed = crowd({
  seed: 11,
  items: 3000,
  workers: 20,
  labels: 3,
  perItem: 7,
  answer: (w, y, random) => oneCoin(skill(w), 3, y, random),
});

describe('workerAccuracy', () => {
  it('recovers who is good from agreement with the leave-one-out majority', () => {
    const acc = workerAccuracy(mixed.votes);
    // Agreement with a noisy majority understates accuracy, but it orders the workers right.
    const weakest = Math.min(...acc.slice(0, 4));
    for (let w = 4; w < 20; w++) expect(acc[w]).toBeLessThan(weakest);
    const experts = acc.slice(0, 4).reduce((a, b) => a + b) / 4;
    const rest = acc.slice(4).reduce((a, b) => a + b) / 16;
    expect(experts - rest).toBeGreaterThan(0.2);
  });

  it('uses gold where the worker answered gold items', () => {
    const t = new VoteTable(2);
    // a agrees with the crowd everywhere but is wrong on both gold items.
    for (const item of ['g1', 'g2', 'x']) for (const w of ['a', 'b', 'c']) t.add(item, w, 1);
    const acc = workerAccuracy(
      t.votes(
        new Map([
          ['g1', 0],
          ['g2', 0],
        ]),
      ),
    );
    expect(acc[0]).toBeCloseTo(1 / 4, 12); // (0 right + 1) / (2 + 2)
  });
});

describe('weightedVote', () => {
  it('beats the majority when a few experts face many weak workers', () => {
    const mv = accuracy(majorityVote(mixed.votes).answer, mixed.truth);
    const wv = accuracy(weightedVote(mixed.votes).answer, mixed.truth);
    expect(wv).toBeGreaterThan(mv + 0.05);
  });

  it('is more confident where it is right than where it is wrong', () => {
    const r = weightedVote(mixed.votes);
    const mean = (right: boolean) => {
      let sum = 0;
      let n = 0;
      r.confidence.forEach((c, i) => {
        if ((r.answer[i] === mixed.truth[i]) === right) {
          sum += c;
          n += 1;
        }
      });
      return sum / n;
    };
    expect(mean(true)).toBeGreaterThan(mean(false) + 0.1);
    for (const c of r.confidence) expect(c).toBeGreaterThanOrEqual(1 / 3 - 1e-12);
  });

  it('keeps gold answers and leaves unanswered items at -1', () => {
    const t = new VoteTable(2);
    t.add('x', 'a', 1);
    t.add('y', 'a', 1);
    t.itemId('z');
    const r = weightedVote(t.votes(new Map([['x', 0]])));
    expect([...r.answer]).toEqual([0, 1, -1]);
    expect(r.confidence[0]).toBe(1);
  });
});
