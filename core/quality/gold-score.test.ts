import { describe, expect, it } from 'vitest';
import { QuestionDefinition } from '../interface/index.ts';
import { jaccard, scoreGoldAnswer, scoreGoldAnswers } from './gold-score.ts';

const q = (def: Record<string, unknown>) => QuestionDefinition.parse({ name: 'q', ...def });
const scoreOf = (r: ReturnType<typeof scoreGoldAnswer>) => (r.status === 'scored' ? r.score : undefined);

describe('scoreGoldAnswer', () => {
  const choice = q({ type: 'choice', options: ['a', 'b'] });
  it('scores a choice exactly', () => {
    expect(scoreOf(scoreGoldAnswer(choice, 'a', 'a'))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(choice, 'b', 'a'))).toBe(0);
  });

  it('scores a missing answer 0', () => {
    expect(scoreOf(scoreGoldAnswer(choice, undefined, 'a'))).toBe(0);
    expect(scoreOf(scoreGoldAnswer(choice, null, 'a'))).toBe(0);
  });

  it('scores multi-choice by Jaccard', () => {
    const multi = q({ type: 'multi_choice', options: ['a', 'b', 'c'] });
    expect(scoreOf(scoreGoldAnswer(multi, ['a', 'b'], ['b', 'c']))).toBeCloseTo(1 / 3, 12);
    expect(jaccard([], [])).toBe(1);
    expect(jaccard(['a'], [])).toBe(0);
  });

  it('scores numbers within a relative 1e-9 by default and a set tolerance when given', () => {
    const num = q({ type: 'number' });
    expect(scoreOf(scoreGoldAnswer(num, 0.1 + 0.2, 0.3))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(num, 1000.001, 1000))).toBe(0);
    expect(scoreOf(scoreGoldAnswer(num, 1000.4, 1000, { tolerance: 0.5 }))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(num, 1000.6, 1000, { tolerance: 0.5 }))).toBe(0);
  });

  it('scores ratings exactly unless a tolerance is set', () => {
    const rating = q({ type: 'rating', min: 1, max: 5 });
    expect(scoreOf(scoreGoldAnswer(rating, 4, 4))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(rating, 3, 4))).toBe(0);
    expect(scoreOf(scoreGoldAnswer(rating, 3, 4, { tolerance: 1 }))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(rating, 2, 4, { tolerance: 1 }))).toBe(0);
  });

  it('reports both span F1s and scores the overlap one unless told exact', () => {
    const spans = q({ type: 'spans', field: 'text', labels: ['P', 'O'] });
    const gold = [
      { start: 0, end: 5, label: 'P' },
      { start: 10, end: 15, label: 'O' },
    ];
    const given = [
      { start: 0, end: 5, label: 'P' },
      { start: 11, end: 16, label: 'O' },
      { start: 20, end: 22, label: 'P' },
    ];
    const r = scoreGoldAnswer(spans, given, gold);
    // exact: precision 1/3, recall 1/2 → F1 0.4; overlap: precision 2/3, recall 1 → F1 0.8.
    expect(r).toMatchObject({ status: 'scored', spanF1: { exact: 0.4 } });
    expect(scoreOf(r)).toBeCloseTo(0.8, 12);
    expect(scoreOf(scoreGoldAnswer(spans, given, gold, { spanMatch: 'exact' }))).toBeCloseTo(0.4, 12);
    expect(scoreOf(scoreGoldAnswer(spans, [], []))).toBe(1);
    // Another label never overlaps, and touching spans (end exclusive) do not overlap.
    const other = [{ start: 0, end: 5, label: 'O' }];
    expect(scoreOf(scoreGoldAnswer(spans, other, [gold[0]]))).toBe(0);
    const touching = [{ start: 5, end: 8, label: 'P' }];
    expect(scoreOf(scoreGoldAnswer(spans, touching, [gold[0]]))).toBe(0);
  });

  it('scores pairwise by direction, with strengths within 1 in full', () => {
    const pair = q({ type: 'pairwise', field: 'responses', scale: 7, criteria: [{ name: 'style' }] });
    const gold = { preferred: 'x', strength: 2, criteria: { style: { preferred: null, strength: 0 } } };
    const agree = { preferred: 'x', strength: 3, criteria: { style: { preferred: null, strength: 0 } } };
    expect(scoreGoldAnswer(pair, agree, gold)).toEqual({
      status: 'scored',
      score: 1,
      parts: { overall: 1, 'criteria.style': 1 },
    });
    const far = { preferred: 'x', strength: 1, criteria: { style: { preferred: 'y', strength: 1 } } };
    expect(scoreOf(scoreGoldAnswer(pair, { ...far, strength: 3 }, { ...gold, strength: 1 }))).toBe(0.25);
    expect(scoreOf(scoreGoldAnswer(pair, { preferred: 'y', strength: 2 }, gold))).toBe(0);
  });

  it('scores a ranking by Kendall tau-b mapped to [0, 1]', () => {
    const rank = q({ type: 'ranking', field: 'responses', allowTies: true });
    const gold = { order: [['a'], ['b'], ['c']] };
    expect(scoreOf(scoreGoldAnswer(rank, gold, gold))).toBe(1);
    expect(scoreOf(scoreGoldAnswer(rank, { order: [['c'], ['b'], ['a']] }, gold))).toBe(0);
    // One swap of three pairs: tau = (2 − 1) / 3.
    expect(scoreOf(scoreGoldAnswer(rank, { order: [['b'], ['a'], ['c']] }, gold))).toBeCloseTo(2 / 3, 12);
    // Ties: a and b tied against a strict gold; tau-b = 2 / sqrt(2 · 3).
    const tied = scoreGoldAnswer(rank, { order: [['a', 'b'], ['c']] }, gold);
    expect(scoreOf(tied)).toBeCloseTo((2 / Math.sqrt(6) + 1) / 2, 12);
    expect(scoreOf(scoreGoldAnswer(rank, { order: [['b', 'a', 'c']] }, { order: [['c', 'a', 'b']] }))).toBe(
      1,
    );
    expect(scoreOf(scoreGoldAnswer(rank, { order: [['a', 'b', 'c']] }, gold))).toBe(0);
  });

  it('scores a rubric per criterion and keeps the parts', () => {
    const rubric = q({
      type: 'rubric',
      field: 'responses',
      criteria: [
        { name: 'correct', scale: 'pass_fail' },
        { name: 'clear', scale: { min: 1, max: 5 } },
      ],
    });
    const grade = (candidate: string, correct: boolean, clear: number) => ({
      candidate,
      scores: { correct: { score: correct }, clear: { score: clear } },
      total: 0,
    });
    const gold = { grades: [grade('a', true, 4), grade('b', false, 2)] };
    const given = { grades: [grade('b', false, 3), grade('a', true, 4)] };
    expect(scoreGoldAnswer(rubric, given, gold)).toEqual({
      status: 'scored',
      score: 0.75,
      parts: { 'a.correct': 1, 'a.clear': 1, 'b.correct': 1, 'b.clear': 0 },
    });
    expect(scoreOf(scoreGoldAnswer(rubric, given, gold, { tolerance: 1 }))).toBe(1);
  });

  it('scores steps per step, and 0 when another candidate was checked', () => {
    const steps = q({ type: 'steps', field: 'responses' });
    const gold = {
      candidate: 'a',
      steps: [{ verdict: 'correct' }, { verdict: 'incorrect', correction: 'x' }, { verdict: 'correct' }],
      firstError: 1,
    };
    const given = {
      candidate: 'a',
      steps: [{ verdict: 'correct' }, { verdict: 'correct' }, { verdict: 'correct' }],
      firstError: null,
    };
    expect(scoreGoldAnswer(steps, given, gold)).toEqual({
      status: 'scored',
      score: 2 / 3,
      parts: { 'step 1': 1, 'step 2': 0, 'step 3': 1 },
    });
    expect(scoreOf(scoreGoldAnswer(steps, { ...gold, candidate: 'b' }, gold))).toBe(0);
  });

  it('leaves free text to a reviewer', () => {
    const text = q({ type: 'text' });
    expect(scoreGoldAnswer(text, 'anything', 'gold')).toEqual({ status: 'needsReview' });
    expect(scoreGoldAnswer(text, undefined, 'gold')).toEqual({ status: 'needsReview' });
  });
});

describe('scoreGoldAnswers', () => {
  it('scores only the questions gold answers, with options per question', () => {
    const questions = [
      q({ type: 'choice', options: ['a', 'b'] }),
      QuestionDefinition.parse({ name: 'n', type: 'number' }),
      QuestionDefinition.parse({ name: 'skip', type: 'rating' }),
    ];
    const out = scoreGoldAnswers(
      questions,
      { q: 'a', n: 9 },
      { q: 'b', n: 10, skip: null },
      { n: { tolerance: 1 } },
    );
    expect(out).toEqual({ q: { status: 'scored', score: 0 }, n: { status: 'scored', score: 1 } });
  });
});
