import { describe, expect, it } from 'vitest';
import {
  correctionRequired,
  firstErrorOf,
  markedCount,
  marksOf,
  moveIndex,
  setNote,
  setVerdict,
  startOn,
  verdictForKey,
} from './marks.ts';

const key = (k: string, ctrlKey = false) => ({ key: k, ctrlKey, metaKey: false, altKey: false });

describe('step marks', () => {
  it('mark steps and compute the first error', () => {
    let v = setVerdict(undefined, 3, 1, 'incorrect');
    expect(v).toEqual({ steps: [null, { verdict: 'incorrect' }, null], firstError: 1 });
    v = setVerdict(v ?? undefined, 3, 0, 'incorrect');
    expect(v?.firstError).toBe(0);
    v = setVerdict(v ?? undefined, 3, 0, 'correct');
    expect(v?.firstError).toBe(1);
    expect(markedCount(marksOf(v ?? undefined, 3))).toBe(2);
  });

  it('keep the candidate checked, with nothing marked yet', () => {
    expect(startOn('b', 2)).toEqual({ candidate: 'b', steps: [null, null], firstError: null });
    expect(setVerdict(startOn('b', 2) ?? undefined, 2, 1, 'unverifiable', 'b')?.candidate).toBe('b');
  });

  it('is no answer over a text field once nothing is marked', () => {
    expect(setVerdict(undefined, 1, 0, 'correct')).not.toBeNull();
    expect(marksOf(undefined, 2)).toEqual([null, null]);
  });

  it('keep a correction on an incorrect step only, and the comment always', () => {
    let v = setVerdict(undefined, 2, 0, 'incorrect');
    v = setNote(v ?? undefined, 2, 0, 'correction', 'It is 1024.');
    v = setNote(v ?? undefined, 2, 0, 'comment', 'arithmetic slip');
    expect(v?.steps[0]).toEqual({
      verdict: 'incorrect',
      correction: 'It is 1024.',
      comment: 'arithmetic slip',
    });
    v = setVerdict(v ?? undefined, 2, 0, 'correct');
    expect(v?.steps[0]).toEqual({ verdict: 'correct', comment: 'arithmetic slip' });
    v = setNote(v ?? undefined, 2, 0, 'comment', '');
    expect(v?.steps[0]).toEqual({ verdict: 'correct' });
  });

  it('leave an unmarked step without notes', () => {
    const v = setVerdict(undefined, 2, 0, 'correct');
    expect(setNote(v ?? undefined, 2, 1, 'comment', 'x')).toBe(v);
  });

  it('require the correction on the first incorrect step only', () => {
    const marks = marksOf(
      setVerdict(setVerdict(undefined, 3, 2, 'incorrect') ?? undefined, 3, 1, 'incorrect') ?? undefined,
      3,
    );
    expect(firstErrorOf(marks)).toBe(1);
    expect(correctionRequired(marks, 1)).toBe(true);
    expect(correctionRequired(marks, 2)).toBe(false);
  });

  it('read c, i and u as verdicts, and nothing with a modifier', () => {
    expect(verdictForKey(key('c'))).toBe('correct');
    expect(verdictForKey(key('I'))).toBe('incorrect');
    expect(verdictForKey(key('u'))).toBe('unverifiable');
    expect(verdictForKey(key('c', true))).toBeUndefined();
    expect(verdictForKey(key('x'))).toBeUndefined();
    expect(verdictForKey(key('constructor'))).toBeUndefined();
  });

  it('move between steps within the list', () => {
    expect(moveIndex(0, -1, 3)).toBe(0);
    expect(moveIndex(1, 1, 3)).toBe(2);
    expect(moveIndex(2, 1, 3)).toBe(2);
  });
});
