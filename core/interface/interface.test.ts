import { describe, expect, it } from 'vitest';
import {
  INTERFACE_FORMAT,
  migrateInterface,
  parseInterface,
  storedInterface,
  upgradeInterface,
} from './migrate.ts';
import { questionTypes } from './questions/registry.ts';
import { everyKindInterface, exampleInterface, mediaKindsInterface, oneOfEachKind } from './testing.ts';

const messagesOf = (input: unknown) => {
  const result = parseInterface(input);
  return result.ok ? [] : result.errors.map((e) => e.message);
};
const withQuestions = (...questions: unknown[]) => ({ fields: [{ name: 'text', type: 'text' }], questions });

describe('parseInterface', () => {
  it('accepts the example and fills defaults', () => {
    const result = parseInterface(exampleInterface);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.fields[1]).toEqual({ name: 'source', type: 'text', format: 'plain' });
    expect(result.value.questions[2]).toMatchObject({ type: 'spans', required: false, allowOverlap: false });
    expect(result.value.questions[5]).toMatchObject({ maxLength: 100_000, multiline: false });
  });

  it('accepts the interface of one question of every registered kind (the accessibility check opens it)', () => {
    expect(Object.keys(oneOfEachKind).sort()).toEqual([...questionTypes].sort());
    for (const [type, q] of Object.entries(oneOfEachKind)) expect(q.type).toBe(type);
    const result = parseInterface(everyKindInterface);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const media = parseInterface(mediaKindsInterface);
    if (!media.ok) throw new Error(JSON.stringify(media.errors));
    const types = [...result.value.questions, ...media.value.questions].map((q) => q.type);
    expect(types.sort()).toEqual([...questionTypes].sort());
  });

  it('reads an interface without version as version 1', () => {
    const { version: _, ...unversioned } = exampleInterface;
    const result = parseInterface(unversioned);
    expect(result.ok && result.value.version).toBe(1);
  });

  it("keeps a project's interface version and refuses one that is not a positive whole number", () => {
    const result = parseInterface({ ...exampleInterface, version: 7 });
    expect(result.ok && result.value.version).toBe(7);
    expect(messagesOf({ ...exampleInterface, version: 0 })).toEqual([
      'version: Too small: expected number to be >=1',
    ]);
  });

  it('reports duplicate field and question names at the later one', () => {
    const input = {
      fields: [
        { name: 'text', type: 'text' },
        { name: 'text', type: 'text' },
      ],
      questions: [
        { name: 'a', type: 'number' },
        { name: 'a', type: 'text' },
      ],
    };
    const result = parseInterface(input);
    expect(result.ok ? [] : result.errors).toEqual([
      { path: 'fields[1].name', message: 'fields[1].name: duplicate field name "text" (also fields[0])' },
      {
        path: 'questions[1].name',
        message: 'questions[1].name: duplicate question name "a" (also questions[0])',
      },
    ]);
  });

  it('reports a spans question whose field is not declared', () => {
    const spans = { name: 'e', type: 'spans', field: 'body', labels: ['X'] };
    expect(messagesOf(withQuestions(spans))).toEqual([
      'questions[0].field: no field named "body"; declared fields: text',
    ]);
  });

  it('reports empty, blank and duplicate options', () => {
    expect(messagesOf(withQuestions({ name: 'c', type: 'choice', options: [] }))).toEqual([
      'questions[0].options: must have at least one option',
    ]);
    expect(messagesOf(withQuestions({ name: 'c', type: 'choice', options: ['a', ' ', 'a'] }))).toEqual([
      'questions[0].options[1]: option must not be blank',
      'questions[0].options[2]: duplicate option "a" (also [0])',
    ]);
  });

  it('reports a question list that is empty', () => {
    expect(messagesOf({ fields: [], questions: [] })).toEqual(['questions: must have at least one question']);
  });

  it('reports unknown question types and unknown properties by path', () => {
    expect(messagesOf(withQuestions({ name: 'q', type: 'sorting' }))).toEqual([
      'questions[0].type: unknown question type; expected one of choice, multi_choice, spans, rating, number, text, pairwise, ranking, rubric, steps, rewrite, turns, live, segments, frames, tracks',
    ]);
    const typo = { name: 'e', type: 'spans', field: 'text', labels: ['X'], allow_overlap: true };
    expect(messagesOf(withQuestions(typo))).toEqual(['questions[0].allow_overlap: unknown property']);
  });

  it('reports names that are not identifiers, and __proto__', () => {
    expect(messagesOf(withQuestions({ name: 'my question', type: 'text' }))).toEqual([
      'questions[0].name: must be an identifier: a letter or _, then letters, digits or _',
    ]);
    expect(messagesOf(withQuestions({ name: '__proto__', type: 'text' }))).toEqual([
      'questions[0].name: "__proto__" is reserved',
    ]);
  });

  it('reports inconsistent bounds', () => {
    expect(messagesOf(withQuestions({ name: 'r', type: 'rating', min: 5, max: 5 }))).toEqual([
      'questions[0].max: must be greater than min (5)',
    ]);
    expect(messagesOf(withQuestions({ name: 'n', type: 'number', min: 2, max: 1 }))).toEqual([
      'questions[0].max: must be at least min (2)',
    ]);
    const multi = { name: 'm', type: 'multi_choice', options: ['a'], minSelected: 2, maxSelected: 1 };
    expect(messagesOf(withQuestions(multi))).toEqual([
      'questions[0].maxSelected: must be at least minSelected (2)',
      'questions[0].minSelected: is 2 but there are only 1 options',
    ]);
  });

  it('names the whole input when it is not an object', () => {
    expect(parseInterface('nope')).toEqual({
      ok: false,
      errors: [{ path: '', message: 'interface: Invalid input: expected object, received string' }],
    });
  });
});

describe('migrateInterface', () => {
  it('loads a stored interface of any format at the version it is given', () => {
    const { version: _, ...stored } = exampleInterface;
    expect(migrateInterface(stored).version).toBe(1);
    // Rows written before migration 0010 hold the format as `version`.
    expect(migrateInterface({ ...stored, version: 1 }, 4).version).toBe(4);
    const text = storedInterface(migrateInterface(stored));
    expect(JSON.parse(text)).toMatchObject({ format: INTERFACE_FORMAT });
    expect(JSON.parse(text)).not.toHaveProperty('version');
    expect(migrateInterface(JSON.parse(text), 3)).toEqual({ ...migrateInterface(stored), version: 3 });
  });

  it('refuses a stored format newer than it reads', () => {
    expect(() => upgradeInterface({ format: INTERFACE_FORMAT + 1, fields: [], questions: [] })).toThrow(
      'stored interface has format 2; this version of Verity reads up to 1',
    );
  });

  it('throws on a stored interface that does not validate', () => {
    expect(() => migrateInterface({ fields: [], questions: [] })).toThrow(
      'stored interface is invalid: questions: must have at least one question',
    );
  });
});
