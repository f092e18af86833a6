import { describe, expect, it } from 'vitest';
import { AnswerTally, histogram } from './distributions.ts';

describe('histogram', () => {
  it('gives each distinct value its own bar when there are at most five', () => {
    expect(
      histogram(
        new Map<number, number>([
          [2, 1],
          [0.5, 3],
        ]),
      ),
    ).toEqual([
      { value: 0.5, label: '0.5', count: 3 },
      { value: 2, label: '2', count: 1 },
    ]);
  });
  it('cuts the range from the smallest to the largest answer into five equal bins, the last closed', () => {
    // 0..100 in bins of 20: [0,20) [20,40) [40,60) [60,80) [80,100]
    const counts = new Map<number, number>([
      [0, 1],
      [19, 2],
      [20, 1],
      [59.9, 4],
      [60, 1],
      [100, 5],
    ]);
    expect(histogram(counts)).toEqual([
      { value: 0, label: '0 to under 20', count: 3 },
      { value: 20, label: '20 to under 40', count: 1 },
      { value: 40, label: '40 to under 60', count: 4 },
      { value: 60, label: '60 to under 80', count: 1 },
      { value: 80, label: '80 to 100', count: 5 },
    ]);
  });
  it('has no bars without answers', () => {
    expect(histogram(new Map())).toEqual([]);
  });
});

describe('AnswerTally', () => {
  it('keeps a bar for a value the interface no longer offers, after the offered ones', () => {
    const tally = new AnswerTally([
      { name: 'topic', type: 'choice', options: ['algebra', 'geometry'], required: false },
    ]);
    for (const topic of ['algebra', 'number theory', 'algebra']) tally.add({ topic });
    tally.add({});
    expect(tally.result()).toEqual([
      {
        question: 'topic',
        label: null,
        type: 'choice',
        answered: 3,
        buckets: [
          { value: 'algebra', label: 'algebra', count: 2 },
          { value: 'geometry', label: 'geometry', count: 0 },
          { value: 'number theory', label: 'number theory', count: 1 },
        ],
      },
    ]);
  });
});

describe('AnswerTally of pairwise answers', () => {
  it("counts preferences by strength, named by the question's own scale", () => {
    const five = { name: 'p', type: 'pairwise', field: 'pair', scale: 5, required: false } as const;
    const tally = new AnswerTally([five]);
    tally.add({ p: { preferred: 'a', strength: 2 } });
    tally.add({ p: { preferred: 'b', strength: 2 } });
    tally.add({ p: { preferred: null, strength: 0 } });
    expect(tally.result()[0]!.buckets).toEqual([
      { value: 0, label: 'About the same', count: 1 },
      { value: 1, label: 'Better', count: 0 },
      { value: 2, label: 'Much better', count: 2 },
    ]);
    const seven = new AnswerTally([{ ...five, scale: 7 }]).result()[0]!.buckets.map((b) => b.label);
    expect(seven).toEqual(['About the same', 'Slightly better', 'Better', 'Much better']);
  });
});
