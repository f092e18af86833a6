import { describe, expect, it } from 'vitest';
import { ConfusionTally } from './confusion.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice', options: ['a', 'b', 'c'] },
    { name: 'level', type: 'rating', min: 2, max: 4 },
    { name: 'note', type: 'text' },
  ],
} as never;

describe('ConfusionTally', () => {
  it('compares answers with the majority, or gold on gold items, and skips lone answers', () => {
    const t = new ConfusionTally(iface);
    // Item 1: a, a, b → a. Item 2: gold c; answers b, c. Item 3: one answer only.
    t.add(1, 'x', { topic: 'a', level: 2 });
    t.add(1, 'y', { topic: 'a', level: 3 });
    t.add(1, 'z', { topic: 'b', level: 3 });
    t.addGold(2, { topic: 'c', level: 4 });
    t.add(2, 'x', { topic: 'b', level: 4 });
    t.add(2, 'm', { topic: 'c', level: 9 }, true);
    t.add(3, 'y', { topic: 'c', level: 2 });
    const [topic, level] = t.result();
    expect(topic!.labels).toEqual(['a', 'b', 'c']);
    // Rows: the reference label (a, b, c); columns: the annotator's answer.
    const row = (annotator: string, kind: string, consensus: number, gold: number, counts: number[][]) => ({
      annotator,
      kind,
      consensus,
      gold,
      counts,
    });
    const none = [0, 0, 0];
    expect(topic!.annotators).toEqual([
      row('m', 'model', 0, 1, [none, none, [0, 0, 1]]),
      row('x', 'human', 1, 1, [[1, 0, 0], none, [0, 1, 0]]),
      row('y', 'human', 1, 0, [[1, 0, 0], none, none]),
      row('z', 'human', 1, 0, [[0, 1, 0], none, none]),
    ]);
    // Level 2..4; item 1: [2, 3, 3] → 3; m's 9 is off the scale and not counted.
    expect(level!.labels).toEqual(['2', '3', '4']);
    expect(level!.annotators.find((a) => a.annotator === 'x')!.counts).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 0, 1],
    ]);
    expect(level!.annotators.some((a) => a.annotator === 'm')).toBe(false);
    expect(t.result()).toHaveLength(2);
  });
});
