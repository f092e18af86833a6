import { describe, expect, it } from 'vitest';
import { majorityVote } from './majority.ts';
import { accuracy, crowd, oneCoin } from './synthetic.ts';
import { VoteTable } from './votes.ts';

describe('majorityVote', () => {
  it('takes the label with most answers, its share as the confidence', () => {
    const t = new VoteTable(3);
    for (const [w, l] of [
      ['a', 2],
      ['b', 2],
      ['c', 0],
    ] as const)
      t.add('x', w, l);
    const r = majorityVote(t.votes());
    expect(r.answer[0]).toBe(2);
    expect(r.confidence[0]).toBeCloseTo(2 / 3, 12);
  });

  it('breaks a tie toward the lowest label index, with a confidence of at most 1/k', () => {
    const t = new VoteTable(3);
    for (const [w, l] of [
      ['a', 2],
      ['b', 1],
      ['c', 1],
      ['d', 2],
    ] as const)
      t.add('x', w, l);
    t.add('y', 'a', 2);
    t.add('y', 'b', 0);
    t.add('y', 'c', 1);
    const r = majorityVote(t.votes());
    expect([...r.answer]).toEqual([1, 0]);
    expect(r.confidence[0]).toBe(0.5);
    expect(r.confidence[1]).toBeCloseTo(1 / 3, 12);
  });

  it('counts every answer, repeats by one worker included; items without answers get -1', () => {
    const t = new VoteTable(2);
    t.add('x', 'a', 1);
    t.add('x', 'a', 1);
    t.add('x', 'b', 0);
    t.itemId('empty');
    const r = majorityVote(t.votes());
    expect(r.answer[0]).toBe(1);
    expect(r.answer[1]).toBe(-1);
    expect(r.confidence[1]).toBe(0);
  });

  it('keeps a gold item its known label', () => {
    const t = new VoteTable(2);
    t.add('x', 'a', 1);
    const r = majorityVote(t.votes(new Map([['x', 0]])));
    expect(r.answer[0]).toBe(0);
    expect(r.confidence[0]).toBe(1);
  });

  it('reaches the accuracy a 5-vote majority of 70 % workers predicts', () => {
    const { votes, truth } = crowd({
      seed: 7,
      items: 4000,
      workers: 30,
      labels: 2,
      perItem: 5,
      answer: (_w, y, random) => oneCoin(0.7, 2, y, random),
    });
    // P(at least 3 of 5 right) with p = 0.7 is 0.83692.
    expect(accuracy(majorityVote(votes).answer, truth)).toBeCloseTo(0.837, 1);
    expect(Math.abs(accuracy(majorityVote(votes).answer, truth) - 0.83692)).toBeLessThan(0.02);
  });
});
