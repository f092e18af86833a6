import { describe, expect, it } from 'vitest';
import { agreedAnswer } from './agreed.ts';
import { consensusPairs, pairConfidence } from './consensus-pairs.ts';
import { itemTransformer } from './index.ts';
import type { ExportConsensus } from './record.ts';
import { annotation, item, linesOf, tutorInterface } from './testing.ts';

const question = (name: string) => tutorInterface.questions.find((q) => q.name === name)!;
const none: ExportConsensus = { method: 'majority', of: () => undefined };
const rewrite = (text: string) => ({ ideal: { text, source: 'a' } });

describe('agreedAnswer', () => {
  it('takes a written answer everyone gave alike, and none when they differ; drafts never count', () => {
    const same = item([
      annotation(rewrite('x')),
      annotation(rewrite('x')),
      annotation(rewrite('y'), { status: 'draft' }),
    ]);
    expect(agreedAnswer(same, question('ideal'), none)).toEqual({
      answer: { text: 'x', source: 'a' },
      by: 'unanimous',
      confidence: 1,
      annotators: 2,
    });
    const differ = item([annotation(rewrite('x')), annotation(rewrite('y'))]);
    expect(agreedAnswer(differ, question('ideal'), none)).toBeUndefined();
    expect(agreedAnswer(item([annotation({})]), question('ideal'), none)).toBeUndefined();
  });

  it('puts the adjudicated answer first, then gold, then the consensus', () => {
    const voted: ExportConsensus = {
      method: 'dawid-skene',
      of: () => ({ compare: { answer: { preferred: 'a', order: [['a'], ['b']] }, confidence: 0.7 } }),
    };
    const answered = [annotation({ compare: { preferred: 'a', strength: 1 } })];
    const gold = { compare: { preferred: 'b', strength: 2 } };
    const final = { compare: { preferred: 'b', strength: 3 } };
    const q = question('compare');
    expect(agreedAnswer(item(answered), q, voted)).toMatchObject({ by: 'bradley-terry', confidence: 0.7 });
    expect(agreedAnswer({ ...item(answered), gold }, q, voted)).toMatchObject({
      by: 'gold',
      answer: gold.compare,
    });
    expect(agreedAnswer({ ...item(answered), gold, final }, q, voted)).toMatchObject({
      by: 'adjudicated',
      answer: final.compare,
    });
    // The final answer is the item's, all of it: a question it leaves out has none.
    expect(agreedAnswer({ ...item(answered), final: {} }, q, voted)).toBeUndefined();
  });
});

describe('consensus pairs', () => {
  it('pairs a consensus order by its tiers; a level pairwise consensus gives none', () => {
    const known = new Map(['w', 'x', 'y', 'z'].map((id) => [id, id]));
    const order = [['y'], ['w', 'x'], ['z'], ['gone']];
    expect(consensusPairs({ type: 'ranking' }, { order }, known, 'adjacent')).toEqual([
      { chosen: 'y', rejected: 'w', margin: 1 },
      { chosen: 'y', rejected: 'x', margin: 1 },
      { chosen: 'w', rejected: 'z', margin: 1 },
      { chosen: 'x', rejected: 'z', margin: 1 },
    ]);
    const level = { preferred: null, order: [['a', 'b']] };
    expect(
      consensusPairs(
        { type: 'pairwise' },
        level,
        new Map([
          ['a', 1],
          ['b', 1],
        ]),
        'all',
      ),
    ).toEqual([]);
  });

  it('gives a pair the probability its chosen candidate wins under the scores', () => {
    const scores = { a: Math.log(2), b: 0 };
    expect(pairConfidence({ scores }, { chosen: 'a', rejected: 'b', margin: 1 })).toBeCloseTo(2 / 3, 12);
  });
});

describe('preference lines from the consensus', () => {
  it('keep the per-annotator keys with a null annotator, and add the consensus keys', () => {
    const consensus: ExportConsensus = {
      method: 'majority',
      of: () => ({
        compare: {
          answer: { preferred: 'a', order: [['a'], ['b']], scores: { a: Math.log(3), b: 0 } },
          confidence: 0.75,
        },
      }),
    };
    const transformer = itemTransformer('preference', tutorInterface, {
      pairs: 'all',
      threshold: 0.5,
      consensus,
    });
    const answers = [1, 2, 3].map(() => annotation({ compare: { preferred: 'a', strength: 2 } }));
    const [line, ...rest] = linesOf(transformer, item(answers));
    expect(rest).toEqual([]);
    expect(line).toMatchObject({
      margin: 1,
      chosen_id: 'a',
      rejected_id: 'b',
      annotator: null,
      consensus_method: 'bradley-terry',
      consensus_confidence: 0.75,
      consensus_annotators: 3,
    });
  });
});
