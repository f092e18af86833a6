import { describe, expect, it } from 'vitest';
import { newQuestion } from './draft.ts';
import { newCriterion } from './draft-criteria.ts';
import { defaultPrompt, fieldRoles, fitting, retype } from './field-roles.ts';

const fields = [
  { name: 'question', type: 'text' },
  { name: 'conversation', type: 'chat' },
  { name: 'answers', type: 'responses' },
  { name: '', type: 'text' },
];

describe('the fields a question may name', () => {
  it("are the types core's question kinds accept", () => {
    expect(fieldRoles('spans')).toEqual({ field: ['text'] });
    expect(fieldRoles('pairwise')).toEqual({ field: ['responses'], prompt: ['chat', 'text'] });
    expect(fieldRoles('rubric').field).toEqual(['responses', 'text']);
    expect(fieldRoles('rewrite').field).toEqual(['responses']);
    expect(fieldRoles('turns')).toEqual({ field: ['chat'] });
    expect(fieldRoles('choice')).toEqual({});
    expect(fieldRoles('no such type')).toEqual({});
  });

  it('are offered by name, in order, leaving out unnamed fields', () => {
    expect(fitting(fields, ['responses', 'text'])).toEqual(['question', 'answers']);
    expect(fitting(fields, undefined)).toEqual([]);
  });

  it("default the prompt to the first chat or text field that is not the question's own", () => {
    expect(defaultPrompt(fields, 'answers')).toBe('question');
    expect(defaultPrompt(fields, 'question')).toBe('conversation');
    expect(defaultPrompt([{ name: 'answers', type: 'responses' }], 'answers')).toBeUndefined();
  });
});

describe('changing a question to another type', () => {
  const q = { ...newQuestion('q', 'question'), extra: { colour: 'red' } };

  it('points it at the first field that fits, and drops what only the JSON held', () => {
    expect(retype(q, 'pairwise', fields)).toEqual({ type: 'pairwise', extra: {}, field: 'answers' });
    expect(retype(q, 'turns', fields)).toMatchObject({ field: 'conversation', askRating: true });
    expect(retype(q, 'rubric', fields)).not.toHaveProperty('field');
  });

  it('lets a rewrite write from scratch when no candidates are declared', () => {
    expect(retype(q, 'rewrite', fields.slice(0, 1))).toMatchObject({ field: '' });
  });

  it('forgets a prompt the new type cannot use', () => {
    expect(retype({ ...q, prompt: 'answers' }, 'ranking', fields)).toMatchObject({ prompt: undefined });
    expect(retype({ ...q, prompt: 'conversation' }, 'ranking', fields)).not.toHaveProperty('prompt');
  });

  it('starts a rubric with one criterion, and scores criteria brought from a pairwise question', () => {
    const [first] = retype(q, 'rubric', fields).criteria ?? [];
    expect(first).toMatchObject({ name: '', scale: 'range', min: '1', max: '5' });
    const fromPair = { ...newCriterion('clarity'), scale: 'none' as const, min: '', max: '' };
    expect(retype({ ...q, criteria: [fromPair] }, 'rubric', fields).criteria).toEqual([
      { ...fromPair, scale: 'range', min: '1', max: '5' },
    ]);
  });
});
