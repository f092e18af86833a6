import { describe, expect, it } from 'vitest';
import {
  AcceptanceTally,
  canonicalJson,
  pickSuggestion,
  sameAnswer,
  suggestionOutcomes,
} from './suggestions.ts';

describe('pickSuggestion', () => {
  const preds = [
    { agent: 'beta', score: 0.5 },
    { agent: 'alpha', score: 0.9 },
    { agent: 'gamma', score: 0.9 },
    { agent: 'delta', score: null },
  ];
  it('takes the highest score, ties by agent name', () => {
    expect(pickSuggestion(preds, { mode: 'best' })?.agent).toBe('alpha');
    expect(pickSuggestion([...preds].reverse(), { mode: 'best' })?.agent).toBe('alpha');
  });
  it('puts unscored predictions after scored ones, and orders them by name', () => {
    expect(
      pickSuggestion(
        [
          { agent: 'z', score: null },
          { agent: 'y', score: -5 },
        ],
        { mode: 'best' },
      )?.agent,
    ).toBe('y');
    expect(
      pickSuggestion(
        [
          { agent: 'z', score: null },
          { agent: 'a', score: null },
        ],
        { mode: 'best' },
      )?.agent,
    ).toBe('a');
  });
  it("shows the named agent's prediction in mode agent, and nothing when it has none", () => {
    expect(pickSuggestion(preds, { mode: 'agent', agent: 'beta' })?.agent).toBe('beta');
    expect(pickSuggestion(preds, { mode: 'agent', agent: 'omega' })).toBeUndefined();
  });
  it('shows nothing when off or when there are no predictions', () => {
    expect(pickSuggestion(preds, { mode: 'off' })).toBeUndefined();
    expect(pickSuggestion([], { mode: 'best' })).toBeUndefined();
  });
});

describe('the comparison of a submitted answer with a suggested one', () => {
  it('ignores object key order, not array order', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }] })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(sameAnswer({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameAnswer(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameAnswer('yes', 'no')).toBe(false);
  });
  it('counts each suggested question as accepted or changed; a removed answer is changed', () => {
    const suggested = { topic: 'sports', tone: 3, tags: ['x'] };
    const submitted = { topic: 'sports', tone: 4, extra: 'mine' };
    expect(suggestionOutcomes(submitted, suggested)).toEqual([
      { question: 'topic', accepted: true },
      { question: 'tone', accepted: false },
      { question: 'tags', accepted: false },
    ]);
  });
  it('tallies per agent and question, with rates', () => {
    const t = new AcceptanceTally();
    t.add('m1', suggestionOutcomes({ a: 1, b: 2 }, { a: 1, b: 3 }));
    t.add('m1', suggestionOutcomes({ a: 1 }, { a: 1 }));
    t.add('m0', suggestionOutcomes({ a: 2 }, { a: 1 }));
    expect(t.rows(['b', 'a'])).toEqual([
      { agent: 'm0', question: null, shown: 1, accepted: 0, changed: 1, rate: 0 },
      { agent: 'm0', question: 'a', shown: 1, accepted: 0, changed: 1, rate: 0 },
      { agent: 'm1', question: null, shown: 3, accepted: 2, changed: 1, rate: 2 / 3 },
      { agent: 'm1', question: 'b', shown: 1, accepted: 0, changed: 1, rate: 0 },
      { agent: 'm1', question: 'a', shown: 2, accepted: 2, changed: 0, rate: 1 },
    ]);
  });
});
