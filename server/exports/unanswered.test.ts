import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillOpening, topLevelKeys, unansweredAsNull } from './unanswered.ts';

const QUESTIONS = ['topic', 'flags', 'entities', 'note'];
const fill = unansweredAsNull({ questions: QUESTIONS.map((name) => ({ name }) as never) });

/** The rule stated with JSON.parse: every question in order, null if missing, other keys after. */
function reference(text: string): string {
  const given = JSON.parse(text) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of QUESTIONS) out[name] = Object.hasOwn(given, name) ? given[name] : null;
  for (const [key, value] of Object.entries(given)) if (!QUESTIONS.includes(key)) out[key] = value;
  return JSON.stringify(out);
}

/** Values whose text holds what could fool a scanner: quotes, backslashes, brackets, key-like text. */
const tricky = fc.constantFrom(
  '"topic":',
  '\\',
  '\\"',
  '{',
  '}',
  '[',
  ']',
  ',',
  ':',
  '"note":1}',
  'é😀',
  '\u0001',
);
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.array(tricky, { maxLength: 4 }).map((parts) => parts.join('')),
    fc.string(),
  ),
  node: fc.oneof(
    { depthSize: 'small' },
    tie('leaf'),
    fc.array(tie('node'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...QUESTIONS, 'k', 'x"y'), tie('node'), { maxKeys: 3 }),
  ),
}));
const answers = fc.dictionary(fc.constantFrom(...QUESTIONS, 'old', 'b\\"c'), value.node, { maxKeys: 6 });

describe('unansweredAsNull', () => {
  it('lists every question, null when unanswered, in order, and keeps other keys after them', () => {
    fc.assert(
      fc.property(answers, (a) => {
        const text = JSON.stringify(a);
        expect(fill(text)).toBe(reference(text));
      }),
      { numRuns: 3_000 },
    );
  });

  it('returns the very text when every question is answered in order', () => {
    const text = '{"topic":"a","flags":["x"],"entities":[],"note":"n"}';
    expect(fill(text)).toBe(text);
    expect(fill('{}')).toBe('{"topic":null,"flags":null,"entities":null,"note":null}');
    expect(fill('{"note":"\\"topic\\":1","flags":[{"topic":2}]}')).toBe(
      '{"topic":null,"flags":[{"topic":2}],"entities":null,"note":"\\"topic\\":1"}',
    );
  });

  it('reads answers written with spaces too', () => {
    expect(fill('{ "note" : 1 , "topic" : [ 1, 2 ] }')).toBe(
      '{"topic":[ 1, 2 ],"flags":null,"entities":null,"note":1}',
    );
    expect(topLevelKeys('[1]')).toBeUndefined();
    expect(topLevelKeys(' { "a" : { "b": 1 }, "c\\"d" : "}" } ')).toEqual(['a', 'c"d']);
  });
});

describe('fillOpening', () => {
  it("fills the answers of an annotation's opening and leaves the rest as it was", () => {
    const opening = (label: string, answersText: string) =>
      `{"id":7,"annotator":${JSON.stringify(label)},"userId":3,"status":"submitted","answers":${answersText},"leadTimeMs":1,"revision":1,"importedBy":null,"createdAt":`;
    fc.assert(
      fc.property(fc.string(), answers, (label, a) => {
        const text = JSON.stringify(a);
        expect(fillOpening(opening(label, text), fill)).toBe(opening(label, reference(text)));
      }),
      { numRuns: 1_000 },
    );
    const label = 'x","answers":{"evil":1},"y":"';
    expect(fillOpening(opening(label, '{"topic":"a"}'), fill)).toBe(
      opening(label, '{"topic":"a","flags":null,"entities":null,"note":null}'),
    );
  });
});
