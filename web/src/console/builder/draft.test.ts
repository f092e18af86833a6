import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldKindOf,
  fieldTypes,
  parseInterface,
  questionKindOf,
  questionTypes,
} from '../../../../core/interface/index.ts';
import { everyKindInterface, exampleInterface } from '../../../../core/interface/testing.ts';
import { formProperties, fromRaw, splitLines, toRaw } from './draft.ts';
import { templates } from './templates.ts';

const parsed = (raw: unknown) => {
  const r = parseInterface(raw);
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  return r.value;
};
/** JSON -> form -> JSON: the interface read from the result is the one read from the input. */
const roundTrip = (raw: unknown) => toRaw(fromRaw(raw));

// Valid interfaces of every shape the schemas allow: each property present or absent, at
// ordinary and edge values (labels with spaces and newlines, negative and fractional bounds).
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/).filter((s) => s !== '__proto__');
const display = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.constantFrom(' ', 'a\nb', ' x ', 'é 😀'),
);
const entry = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' padded ', 'two\nlines', '−1'));
const list = fc.uniqueArray(
  entry.filter((s) => /\S/.test(s)),
  { minLength: 1, maxLength: 5 },
);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const num = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constant(-0),
);

const common = fc.record(
  { label: display, description: fc.string({ maxLength: 30 }), required: fc.boolean() },
  { requiredKeys: [] },
);
const strip = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

const kindArbs = (fieldNames: string[]) => ({
  choice: fc.record({ options: list }),
  multi_choice: fc
    .record({ options: list, minSelected: opt(fc.nat(6)), maxSelected: opt(fc.integer({ min: 1, max: 6 })) })
    .filter(
      (q) =>
        (q.minSelected === undefined || q.minSelected <= q.options.length) &&
        (q.minSelected === undefined || q.maxSelected === undefined || q.minSelected <= q.maxSelected),
    ),
  spans: fc.record(
    { field: fc.constantFrom(...fieldNames), labels: list, allowOverlap: fc.boolean() },
    { requiredKeys: ['field', 'labels'] },
  ),
  rating: fc
    .record({ min: opt(fc.integer({ min: -5, max: 5 })), max: opt(fc.integer({ min: -5, max: 10 })) })
    .filter((q) => (q.min ?? 1) < (q.max ?? 5)),
  number: fc
    .record({ min: opt(num), max: opt(num), integer: opt(fc.boolean()) })
    .filter((q) => q.min === undefined || q.max === undefined || q.min <= q.max),
  text: fc.record({ maxLength: opt(fc.integer({ min: 1, max: 1_000_000 })), multiline: opt(fc.boolean()) }),
});

const interfaceArb = fc
  .uniqueArray(identifier, { minLength: 1, maxLength: 3 })
  .chain((fieldNames) =>
    fc.record({
      fields: fc.tuple(
        ...fieldNames.map((name) =>
          fc
            .record({ label: display, format: fc.constantFrom('plain', 'markdown') }, { requiredKeys: [] })
            .map((f) => ({ name, type: 'text', ...f })),
        ),
      ),
      questions: fc
        .uniqueArray(identifier, { minLength: 1, maxLength: 4 })
        .chain((names) =>
          fc.tuple(
            ...names.map((name) =>
              fc
                .constantFrom(...(Object.keys(kindArbs(fieldNames)) as (keyof ReturnType<typeof kindArbs>)[]))
                .chain((type) =>
                  fc
                    .tuple(common, kindArbs(fieldNames)[type] as fc.Arbitrary<Record<string, unknown>>)
                    .map(([c, k]) => ({ name, type, ...c, ...strip(k) })),
                ),
            ),
          ),
        ),
    }),
  )
  .filter((raw) => parseInterface(raw).ok)
  // What a person pastes or the API stores is JSON text: read it back as JSON.parse would.
  .map((raw) => JSON.parse(JSON.stringify(raw)) as unknown);

describe('interface JSON -> form -> JSON', () => {
  it('gives back the same interface, for any valid interface', () => {
    fc.assert(
      fc.property(interfaceArb, (raw) => {
        expect(parsed(roundTrip(raw))).toEqual(parsed(raw));
      }),
      { numRuns: 300 },
    );
  });

  it('holds every property of a valid interface in an input of the form, none left over', () => {
    fc.assert(
      fc.property(interfaceArb, (raw) => {
        const d = fromRaw(raw);
        expect(d.extra).toEqual({});
        for (const f of d.fields) expect(f.extra).toEqual({});
        for (const q of d.questions) expect(q.extra).toEqual({});
      }),
      { numRuns: 200 },
    );
  });

  it('is exact, key for key, once the interface is written as Verity stores it', () => {
    fc.assert(
      fc.property(interfaceArb, (raw) => {
        const once = roundTrip(raw);
        expect(roundTrip(once)).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it.each([
    ['the example interface', exampleInterface],
    ['one question of every kind', everyKindInterface],
    [
      'a bound of -0 (JSON.parse keeps the sign)',
      JSON.parse('{"fields":[],"questions":[{"name":"n","type":"number","max":-0}]}'),
    ],
    ...templates.map((t) => [`the ${t.name} template`, t.interface] as [string, unknown]),
    [
      'every optional property set',
      {
        version: 1,
        fields: [
          { name: 'prompt', type: 'text', label: 'The prompt', format: 'markdown' },
          { name: 'reply', type: 'text' },
        ],
        questions: [
          { name: 'tags', type: 'multi_choice', options: ['a', 'b', 'c'], minSelected: 1, maxSelected: 2 },
          {
            name: 'n',
            type: 'number',
            label: 'How many?',
            description: 'Count them',
            min: -1.5,
            max: 2e9,
            integer: true,
          },
          { name: 'note', type: 'text', description: '', required: true, maxLength: 5000, multiline: true },
          { name: 'r', type: 'rating', min: 0, max: 10 },
          { name: 'e', type: 'spans', field: 'reply', labels: [' A ', 'B\nC'], allowOverlap: true },
        ],
      },
    ],
  ])('round-trips %s', (_, raw) => {
    expect(parsed(roundTrip(raw))).toEqual(parsed(raw));
    expect(roundTrip(roundTrip(raw))).toEqual(roundTrip(raw));
  });

  it('keeps what the form does not know, so validation can name it', () => {
    const raw = {
      fields: [{ name: 't', type: 'text', colour: 'red' }],
      questions: [{ name: 'q', type: 'choice', options: ['a'], multiline: true }],
    };
    const back = roundTrip(raw) as { fields: unknown[]; questions: unknown[] };
    expect(back.fields[0]).toMatchObject({ colour: 'red' });
    expect(back.questions[0]).toMatchObject({ multiline: true });
    expect(parseInterface(back).ok).toBe(false);
  });
});

describe('the form covers the schemas', () => {
  const keysOf = (schema: unknown) =>
    Object.keys((schema as { shape: Record<string, unknown> }).shape).sort();

  it.each(questionTypes)('edits every property of a %s question', (type) => {
    const form = [...formProperties.question, ...(formProperties.byType[type] ?? [])].sort();
    expect(form).toEqual(keysOf(questionKindOf(type).config));
  });

  it.each(fieldTypes)('edits every property of a %s field', (type) => {
    expect([...formProperties.field].sort()).toEqual(keysOf(fieldKindOf(type).config));
  });
});

describe('a list typed one entry per line', () => {
  it('is trimmed, without blank lines', () => {
    expect(splitLines(' positive \n\n negative\n  \nneutral')).toEqual(['positive', 'negative', 'neutral']);
  });
});
