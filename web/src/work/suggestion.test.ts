import { describe, expect, it } from 'vitest';
import { suggestionMarks, withSuggestion } from './suggestion.ts';

describe('suggestionMarks', () => {
  const suggested = { topic: 'algebra', flags: ['pii'], difficulty: 3 };
  it('marks a kept answer suggested, or accepted once confirmed, and any other changed', () => {
    const current = { topic: 'algebra', flags: ['pii'], comment: 'mine' };
    expect(suggestionMarks(suggested, current, new Set(['flags']))).toEqual({
      topic: 'suggested',
      flags: 'accepted',
      difficulty: 'changed',
    });
  });
  it('makes an accepted answer changed when it is changed after all', () => {
    expect(suggestionMarks({ topic: 'algebra' }, { topic: 'other' }, new Set(['topic']))).toEqual({
      topic: 'changed',
    });
  });
  it('compares answers as JSON, object key order aside', () => {
    const span = { start: 1, end: 4, label: 'X' };
    expect(suggestionMarks({ s: [span] }, { s: [{ label: 'X', end: 4, start: 1 }] }, new Set())).toEqual({
      s: 'suggested',
    });
  });
});

describe('withSuggestion', () => {
  const suggestion = { score: null, answers: { topic: 'algebra' } };
  const fresh = { annotation: null, suggestion };
  const empty = { answers: {}, source: 'server' as const };
  it('starts a fresh item in the queue from the suggestion', () => {
    expect(withSuggestion(empty, fresh, true)).toEqual({
      answers: { topic: 'algebra' },
      source: 'suggestion',
    });
  });
  it('keeps answers from this browser, a draft on the server, and anything outside the queue', () => {
    const local = { answers: { topic: 'other' }, source: 'local' as const };
    expect(withSuggestion(local, fresh, true)).toBe(local);
    expect(withSuggestion(empty, fresh, false)).toBe(empty);
    const drafted = { annotation: {} as never, suggestion };
    expect(withSuggestion(empty, drafted, true)).toBe(empty);
    expect(withSuggestion(empty, { annotation: null, suggestion: null }, true)).toBe(empty);
  });
});
