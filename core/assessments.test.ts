import { describe, expect, it } from 'vitest';
import { attemptScore, HOUR_MS, standingOf, verdictOf } from './assessments.ts';

describe('attemptScore', () => {
  it('scores each question as the mean of its parts and the attempt as the mean of the questions', () => {
    const s = attemptScore(
      [3, 1, 2],
      [
        { itemId: 1, question: 'a', score: 1 },
        { itemId: 1, question: 'b', score: 0.5 },
        { itemId: 2, question: 'a', score: 0 },
        { itemId: 3, question: 'a', score: 1 },
      ],
    );
    expect(s.questions.map((q) => [q.itemId, q.score])).toEqual([
      [3, 1],
      [1, 0.75],
      [2, 0],
    ]);
    expect(s.score).toBeCloseTo(1.75 / 3, 12);
    expect(s.awaitingMarks).toBe(0);
  });

  it('has no score while a part awaits a mark, and leaves out questions with no scored part', () => {
    const waiting = attemptScore(
      [1, 2],
      [
        { itemId: 1, question: 'a', score: null },
        { itemId: 2, question: 'a', score: 1 },
      ],
    );
    expect(waiting).toMatchObject({ score: null, awaitingMarks: 1 });
    expect(waiting.questions[0]).toEqual({ itemId: 1, score: null, parts: { a: null } });
    expect(attemptScore([1, 2], [{ itemId: 2, question: 'a', score: 0.5 }]).score).toBe(0.5);
    expect(attemptScore([1], []).score).toBe(0);
  });

  it('passes at the pass mark itself', () => {
    expect(verdictOf(0.7, 0.7)).toBe('passed');
    expect(verdictOf(0.6999, 0.7)).toBe('failed');
  });
});

describe('standingOf', () => {
  const policy = { maxAttempts: 2, cooldownHours: 1 };
  it('walks from not started through cool-down to the attempts limit', () => {
    expect(standingOf(policy, [], 0)).toMatchObject({
      standing: 'not_started',
      canStart: true,
      attemptsLeft: 2,
    });
    expect(standingOf(policy, [{ status: 'in_progress', finishedAt: null }], 0).standing).toBe('in_progress');
    expect(standingOf(policy, [{ status: 'pending', finishedAt: 5 }], 10 * HOUR_MS).canStart).toBe(false);
    const failed = [{ status: 'failed' as const, finishedAt: 1000 }];
    expect(standingOf(policy, failed, 1000 + HOUR_MS - 1)).toMatchObject({
      standing: 'cooling_down',
      canStart: false,
      cooldownEndsAt: 1000 + HOUR_MS,
    });
    expect(standingOf(policy, failed, 1000 + HOUR_MS)).toMatchObject({
      standing: 'can_retake',
      canStart: true,
    });
    expect(standingOf(policy, [...failed, ...failed], 10 * HOUR_MS)).toMatchObject({
      standing: 'no_attempts_left',
      attemptsLeft: 0,
    });
    expect(standingOf(policy, [{ status: 'passed', finishedAt: 1 }], 10 * HOUR_MS).standing).toBe('passed');
  });
});
