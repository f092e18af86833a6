import { describe, expect, it } from 'vitest';
import type { InterfaceDefinition } from '../../../core/interface/index.ts';
import { migrateInterface } from '../../../core/interface/index.ts';
import { answerSummary, boundedSource, itemExcerpt } from './summary.ts';

const iface = migrateInterface({
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'topic', label: 'Topic', type: 'choice', options: ['algebra', 'geometry'] },
    { name: 'flags', type: 'multi_choice', options: ['pii', 'unsafe'] },
    { name: 'marks', type: 'spans', field: 'text', labels: ['step'] },
    { name: 'proof', label: 'Proof', type: 'text' },
  ],
}) as InterfaceDefinition;

describe('answerSummary', () => {
  it('lists answered questions in order, by label, skipping the unanswered', () => {
    const s = answerSummary(iface, {
      proof: 'By  induction\non $n$',
      topic: 'algebra',
      flags: [],
      marks: [{ start: 0, end: 1, label: 'step' }],
    });
    expect(s).toBe('Topic: algebra · marks: 1 span · Proof: By induction on $n$');
  });

  it('is undefined when nothing is answered', () => {
    expect(answerSummary(iface, {})).toBeUndefined();
  });

  it('joins the options of a multiple choice', () => {
    expect(answerSummary(iface, { flags: ['pii', 'unsafe'] })).toBe('flags: pii, unsafe');
  });
});

describe('boundedSource', () => {
  it('leaves a short text as it is', () => {
    expect(boundedSource('Let $x = 1$.', 50)).toBe('Let $x = 1$.');
  });

  it('cuts by code points and marks the cut', () => {
    expect(boundedSource('🦊🦊🦊🦊', 2)).toBe('🦊🦊…');
  });

  it('never cuts inside inline or display maths', () => {
    expect(boundedSource('Solve $x^2 + 2x + 1 = 0$ now', 12)).toBe('Solve…');
    expect(boundedSource('A $$\\int_0^1 f$$ B', 8)).toBe('A…');
    expect(boundedSource('See \\(a+b\\) and more', 8)).toBe('See…');
  });

  it('keeps maths that closes before the cut, and an escaped dollar is not maths', () => {
    expect(boundedSource('$a$ and $b$ then more words', 12)).toBe('$a$ and $b$…');
    expect(boundedSource('costs \\$5 and more words here', 12)).toBe('costs \\$5 an…');
  });
});

describe('itemExcerpt', () => {
  it("takes the item's first text, on one line", () => {
    expect(itemExcerpt({ id: 3, text: 'Two\n\nlines' })).toBe('Two lines');
  });
});

describe('answerSummary of the tutoring kinds', () => {
  const tutoring = migrateInterface({
    fields: [
      { name: 'chat', type: 'chat' },
      { name: 'pair', type: 'responses' },
    ],
    questions: [
      { name: 'pref', type: 'pairwise', field: 'pair' },
      { name: 'order', type: 'ranking', field: 'pair' },
      { name: 'grade', type: 'rubric', field: 'pair', criteria: [{ name: 'c', scale: 'pass_fail' }] },
      { name: 'check', type: 'steps', field: 'pair' },
      { name: 'ideal', type: 'rewrite', field: 'pair' },
      { name: 'per', type: 'turns', field: 'chat', rating: { min: 1, max: 3 } },
    ],
  }) as InterfaceDefinition;

  it('says what was done without naming candidates', () => {
    const s = answerSummary(tutoring, {
      pref: { preferred: 'r1', strength: 2 },
      order: { order: [['r1', 'r2']] },
      grade: { grades: [{ candidate: 'r1', scores: {}, total: 0.75 }] },
      check: { candidate: 'r1', steps: [{ verdict: 'correct' }, { verdict: 'incorrect' }], firstError: 1 },
      ideal: { text: 'The  answer\nis 4.', source: 'r1' },
      per: { turns: [{ turn: 1, rating: 2 }] },
    });
    expect(s).toBe(
      'pref: a preference of strength 2 · order: 2 ranked · grade: graded 75 % · check: first error at step 2 · ideal: The answer is 4. · per: 1 turn marked',
    );
    expect(s).not.toContain('r1');
    expect(answerSummary(tutoring, { pref: { preferred: null, strength: 0 } })).toBe('pref: about the same');
  });

  it('excerpts a conversation by its first user turn', () => {
    const data = {
      chat: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'What is $x$?' },
      ],
    };
    expect(itemExcerpt(data)).toBe('What is $x$?');
  });
});
