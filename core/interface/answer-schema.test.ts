import { describe, expect, it } from 'vitest';
import { answerSchema, askedQuestions, JUDGE_ANSWER_TYPES, questionSchema } from './answer-schema.ts';
import { migrateInterface } from './migrate.ts';
import { modelAnswersMessage, readModelAnswers } from './model-answers.ts';
import { boundedGuidelines, modelPrompt, PROMPT_GUIDELINES_MAX } from './model-prompt.ts';
import { tutoringData as data, tutoringFields } from './questions/tutoring-fixture.ts';

const iface = migrateInterface({
  fields: tutoringFields,
  questions: [
    { name: 'pref', type: 'pairwise', field: 'pair', scale: 5, requireJustificationFrom: 2, required: true },
    { name: 'verdict', type: 'choice', options: ['yes', 'no'], label: 'Is it right?' },
    { name: 'clarity', type: 'rating', min: 1, max: 4 },
    { name: 'flags', type: 'multi_choice', options: ['unsafe', 'pii'], maxSelected: 1 },
    { name: 'order', type: 'ranking', field: 'four' },
    { name: 'note', type: 'text', required: true },
    { name: 'claims', type: 'spans', field: 'prompt', labels: ['CLAIM'] },
  ],
});
const judged = askedQuestions(iface, undefined, JUDGE_ANSWER_TYPES);

/** Every object of a schema, walked. */
function objects(schema: unknown): Record<string, unknown>[] {
  if (Array.isArray(schema)) return schema.flatMap(objects);
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  return [...(node.type === 'object' ? [node] : []), ...Object.values(node).flatMap(objects)];
}

describe('the answer schema a model fills', () => {
  it('is strict: every object requires all its properties and allows no other', () => {
    const schema = answerSchema(askedQuestions(iface), data, { confidence: true });
    const all = objects(schema);
    expect(all.length).toBeGreaterThan(3);
    for (const o of all) {
      expect(o.additionalProperties).toBe(false);
      expect(o.required).toEqual(Object.keys(o.properties as object));
    }
    expect(
      Object.keys((schema.properties as { answers: { properties: object } }).answers.properties),
    ).toEqual(['pref', 'verdict', 'clarity', 'flags', 'order', 'note']);
    expect((schema.properties as Record<string, unknown>).confidence).toMatchObject({
      minimum: 0,
      maximum: 1,
    });
  });

  it('names the options, the scale and the candidate ids of this item, in the shown order', () => {
    const [pref, verdict, clarity] = judged;
    expect(judged.map((q) => q.name)).toEqual(['pref', 'verdict', 'clarity']);
    expect(questionSchema(verdict!, data)).toMatchObject({ type: 'string', enum: ['yes', 'no'] });
    expect(questionSchema(clarity!, data)).toMatchObject({ type: 'integer', minimum: 1, maximum: 4 });
    const p = questionSchema(pref!, data, { pair: ['b', 'a'] }) as { properties: Record<string, unknown> };
    expect(p.properties.preferred).toEqual({
      anyOf: [{ type: 'string', enum: ['b', 'a'] }, { type: 'null' }],
      description: expect.any(String),
    });
    expect(p.properties.strength).toMatchObject({ type: 'integer', minimum: 0, maximum: 2 });
    // An order that does not name the item's candidates is ignored.
    const q = questionSchema(pref!, data, { pair: ['x', 'y'] }) as { properties: { preferred: unknown } };
    expect(JSON.stringify(q.properties.preferred)).toContain('["a","b"]');
    expect(askedQuestions(iface, ['clarity', 'claims']).map((x) => x.name)).toEqual(['clarity']);
  });
});

describe('the prompt', () => {
  const [system, user] = modelPrompt(iface, judged, data, {
    guidelines: 'Prefer proofs.',
    order: { pair: ['b', 'a'] },
  });

  it('shows the fields and the candidates by id, never the model that wrote them', () => {
    expect(user!.role).toBe('user');
    expect(user!.content).toContain('Prove that $\\sqrt 2$ is irrational.');
    expect(user!.content).toContain('### Turn 4 (user)\n\nWhat is 2+2?');
    expect(user!.content.indexOf('Candidate "b"')).toBeLessThan(user!.content.indexOf('Candidate "a"'));
    expect(user!.content).toContain('Then p² = 2q².');
    expect(user!.content).not.toContain('m1');
    expect(system!.content).toContain('Prefer proofs.');
  });

  it('asks each question with its label, options and scale', () => {
    expect(user!.content).toContain('Is it right?');
    expect(user!.content).toContain('"yes", "no"');
    expect(user!.content).toContain('from 1 (lowest) to 4 (highest)');
    expect(user!.content).toContain('where A is "b" and B is "a"');
    expect(user!.content).toContain('- 2: A much better / B much better');
    expect(user!.content).toContain('must not be empty from strength 2');
    expect(user!.content).not.toContain('Question "note"');
  });

  it('bounds the guidelines', () => {
    const long = 'g'.repeat(PROMPT_GUIDELINES_MAX + 10);
    expect(boundedGuidelines(long)).toHaveLength(PROMPT_GUIDELINES_MAX + 49);
    expect(boundedGuidelines(long)).toMatch(/cut at 8000 characters\]$/);
    expect(modelPrompt(iface, judged, data)[0]!.content).not.toContain('guidelines');
  });
});

describe("reading a model's reply", () => {
  const read = (reply: unknown, confidence = false) =>
    readModelAnswers(iface, judged, data, typeof reply === 'string' ? reply : JSON.stringify(reply), {
      confidence,
    });
  const good = {
    pref: { preferred: 'a', strength: 2, justification: 'a proves it' },
    verdict: 'yes',
    clarity: 3,
  };

  it('accepts valid answers in their canonical form, dropping a blank justification', () => {
    expect(read({ answers: good })).toEqual({ ok: true, answers: good, confidence: null });
    const tie = { ...good, pref: { preferred: null, strength: 0, justification: ' ' } };
    expect(read({ answers: tie })).toMatchObject({
      ok: true,
      answers: { pref: { preferred: null, strength: 0 } },
    });
    expect(read({ answers: good, confidence: 0.75 }, true)).toMatchObject({ ok: true, confidence: 0.75 });
  });

  it('refuses what breaks the schema or the validation, naming the question', () => {
    expect(read('not json')).toEqual({ ok: false, problems: ['the reply is not JSON: "not json"'] });
    expect(read([1])).toEqual({ ok: false, problems: ['the reply must be a JSON object, got an array'] });
    expect(read({ verdict: 'yes' })).toMatchObject({
      ok: false,
      problems: ['the reply must hold "answers" as an object, got nothing'],
    });
    expect(read({ answers: { ...good, clarity: 9 } })).toEqual({
      ok: false,
      problems: ['question "clarity": clarity: 9 is above the maximum 4'],
    });
    expect(read({ answers: { ...good, pref: { preferred: 'c', strength: 1, justification: '' } } })).toEqual({
      ok: false,
      problems: [
        'question "pref": pref.preferred: unknown candidate "c"; the item\'s candidates are "a", "b"',
      ],
    });
    expect(
      read({ answers: { ...good, pref: { preferred: 'b', strength: 2, justification: '' } } }),
    ).toMatchObject({
      ok: false,
      problems: [
        'question "pref": pref.justification: a justification is required for a preference of strength 2',
      ],
    });
    const { verdict: _, ...missing } = good;
    expect(read({ answers: { ...missing, note: 'x' } })).toEqual({
      ok: false,
      problems: [
        'question "note": not asked (the questions are pref, verdict, clarity)',
        'question "verdict": no answer in the reply',
      ],
    });
    expect(read({ answers: good, confidence: 2 }, true)).toEqual({
      ok: false,
      problems: ['confidence: must be a number from 0 to 1, got 2'],
    });
  });

  it('words refused answers as one message', () => {
    expect(modelAnswersMessage(['a', 'b', 'c', 'd'])).toBe(
      "The model's answers were refused: a; b; c (and 1 more).",
    );
  });
});
