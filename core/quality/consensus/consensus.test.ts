import { describe, expect, it } from 'vitest';
import { QuestionDefinition } from '../../interface/index.ts';
import { type ConsensusVote, questionConsensus } from './consensus.ts';
import { oneCoin, seeded } from './synthetic.ts';

const q = (def: Record<string, unknown>) => QuestionDefinition.parse(def);
const vote = (item: string, annotator: string, answer: unknown): ConsensusVote => ({
  item,
  annotator,
  answer,
});

describe('questionConsensus', () => {
  it('choice: the option voted for, with its confidence', () => {
    const choice = q({ name: 'topic', type: 'choice', options: ['a', 'b', 'c'] });
    const votes = [vote('1', 'x', 'b'), vote('1', 'y', 'b'), vote('1', 'z', 'a'), vote('2', 'x', 'c')];
    const r = questionConsensus(choice, 'majority', votes);
    expect(r.get('1')).toEqual({ answer: 'b', confidence: 2 / 3 });
    expect(r.get('2')).toEqual({ answer: 'c', confidence: 1 });
    expect(questionConsensus(choice, 'bradley-terry', votes).size).toBe(0);
  });

  it('rating: Dawid–Skene over the scale’s values recovers the truth of a generated crowd', () => {
    const rating = q({ name: 'stars', type: 'rating', min: 1, max: 5 });
    const random = seeded(23);
    const votes: ConsensusVote[] = [];
    const truth = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const t = 1 + Math.floor(random() * 5);
      truth.set(`${i}`, t);
      // Annotator "lenient" always says one star more (capped); the others are 75 % right.
      votes.push(vote(`${i}`, 'lenient', Math.min(5, t + 1)));
      for (const a of ['p', 'q', 'r']) votes.push(vote(`${i}`, a, 1 + oneCoin(0.75, 5, t - 1, random)));
    }
    const r = questionConsensus(rating, 'dawid-skene', votes);
    let right = 0;
    for (const [item, t] of truth) if (r.get(item)?.answer === t) right += 1;
    expect(right / 500).toBeGreaterThan(0.97);
  });

  it('multi-choice: each option decided on its own', () => {
    const multi = q({ name: 'tags', type: 'multi_choice', options: ['red', 'green', 'blue'] });
    const votes = [
      vote('1', 'x', ['red', 'blue']),
      vote('1', 'y', ['blue']),
      vote('1', 'z', ['blue', 'red']),
    ];
    const r = questionConsensus(multi, 'majority', votes).get('1');
    expect(r?.answer).toEqual(['red', 'blue']);
    expect(r?.confidence).toBeCloseTo(2 / 3, 12);
  });

  it('holds gold answers fixed', () => {
    const choice = q({ name: 'topic', type: 'choice', options: ['a', 'b'] });
    const votes = [vote('1', 'x', 'b'), vote('1', 'y', 'b')];
    const r = questionConsensus(choice, 'dawid-skene', votes, { gold: new Map([['1', 'a']]) });
    expect(r.get('1')).toEqual({ answer: 'a', confidence: 1 });
  });

  it('pairwise: Bradley–Terry over the pair, a tie counting half', () => {
    const pair = q({ name: 'better', type: 'pairwise', field: 'responses' });
    const votes = [
      vote('1', 'x', { preferred: 'r2', strength: 2 }),
      vote('1', 'y', { preferred: 'r2', strength: 1 }),
      vote('1', 'z', { preferred: null, strength: 0 }),
    ];
    const r = questionConsensus(pair, 'dawid-skene', votes, { candidates: () => ['r1', 'r2'] }).get('1');
    const answer = r?.answer as { preferred: string; order: string[][]; scores: Record<string, number> };
    expect(answer.preferred).toBe('r2');
    expect(answer.order).toEqual([['r2'], ['r1']]);
    expect(answer.scores.r2).toBeGreaterThan(answer.scores.r1 ?? 0);
    expect(r?.confidence).toBeGreaterThan(0.5);
    expect(r?.confidence).toBeLessThan(1);
  });

  it('ranking: candidates ordered by their Bradley–Terry scores', () => {
    const rank = q({ name: 'order', type: 'ranking', field: 'responses', allowTies: true });
    const votes = [
      vote('1', 'x', { order: [['r3'], ['r1', 'r4'], ['r2']] }),
      vote('1', 'y', { order: [['r3'], ['r4'], ['r1'], ['r2']] }),
      vote('1', 'z', { order: [['r4'], ['r3'], ['r1'], ['r2']] }),
    ];
    const r = questionConsensus(rank, 'majority', votes).get('1');
    expect(r?.answer).toMatchObject({ order: [['r3'], ['r4'], ['r1'], ['r2']] });
  });

  it('gives no consensus for free text', () => {
    const text = q({ name: 'note', type: 'text' });
    expect(questionConsensus(text, 'majority', [vote('1', 'x', 'hello')]).size).toBe(0);
  });
});
