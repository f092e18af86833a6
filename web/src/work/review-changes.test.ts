import { describe, expect, it } from 'vitest';
import { answerAsText, answerChanges } from './review-changes.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice', label: 'Topic' },
    { name: 'flags', type: 'multi_choice' },
    { name: 'fix', type: 'rewrite' },
  ],
} as never;

describe('what a fix changed', () => {
  it('lists only the questions whose answers differ, by label, as text', () => {
    const changes = answerChanges(
      iface,
      { topic: 'algebra', flags: ['pii'], fix: { text: 'old words' } },
      { topic: 'geometry', flags: ['pii'], fix: { text: 'new words' } },
    );
    expect(changes).toEqual([
      { question: 'topic', label: 'Topic', before: 'algebra', after: 'geometry' },
      { question: 'fix', label: 'fix', before: 'old words', after: 'new words' },
    ]);
  });

  it('treats equal objects in another key order as unchanged, and a missing answer as empty', () => {
    expect(answerChanges(iface, { fix: { a: 1, b: 2 } }, { fix: { b: 2, a: 1 } })).toEqual([]);
    expect(answerChanges(iface, {}, { topic: 'algebra' })).toMatchObject([{ before: '', after: 'algebra' }]);
    expect(answerAsText({ b: 1, a: [2] })).toBe('{"a":[2],"b":1}');
  });
});
