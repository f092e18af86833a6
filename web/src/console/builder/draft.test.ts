import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldKindOf,
  fieldTypes,
  parseInterface,
  questionKindOf,
  questionTypes,
} from '../../../../core/interface/index.ts';
import {
  everyKindInterface,
  exampleInterface,
  mediaKindsInterface,
} from '../../../../core/interface/testing.ts';
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
const seconds = fc.double({ min: 0.001, max: 10_000, noNaN: true });
const need = fc.constantFrom('none', 'optional', 'required');
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

/** The field names of each type an interface declares. */
interface Names {
  text: string[];
  chat: string[];
  responses: string[];
  audio: string[];
  video: string[];
  image: string[];
}

const labelled = { label: display };
const fieldArbs = {
  text: fc.record({ ...labelled, format: fc.constantFrom('plain', 'markdown') }, { requiredKeys: [] }),
  chat: fc.record(labelled, { requiredKeys: [] }),
  responses: fc.record(
    { ...labelled, format: fc.constantFrom('plain', 'markdown'), revealModels: fc.boolean() },
    { requiredKeys: [] },
  ),
  audio: fc.record(labelled, { requiredKeys: [] }),
  video: fc.record(labelled, { requiredKeys: [] }),
  image: fc.record(labelled, { requiredKeys: [] }),
};

const kindArbs = (names: Names) => {
  const prompt = opt(fc.constantFrom(...names.text, ...names.chat));
  const candidates = fc.constantFrom(...names.responses);
  const criterionNames = <T extends { name: string }>(arb: fc.Arbitrary<T>, minLength: number) =>
    fc.uniqueArray(arb, { selector: (c) => c.name, minLength, maxLength: 3 });
  return {
    choice: fc.record({ options: list }),
    multi_choice: fc
      .record({
        options: list,
        minSelected: opt(fc.nat(6)),
        maxSelected: opt(fc.integer({ min: 1, max: 6 })),
      })
      .filter(
        (q) =>
          (q.minSelected === undefined || q.minSelected <= q.options.length) &&
          (q.minSelected === undefined || q.maxSelected === undefined || q.minSelected <= q.maxSelected),
      ),
    spans: fc.record(
      { field: fc.constantFrom(...names.text), labels: list, allowOverlap: fc.boolean() },
      { requiredKeys: ['field', 'labels'] },
    ),
    rating: fc
      .record({ min: opt(fc.integer({ min: -5, max: 5 })), max: opt(fc.integer({ min: -5, max: 10 })) })
      .filter((q) => (q.min ?? 1) < (q.max ?? 5)),
    number: fc
      .record({ min: opt(num), max: opt(num), integer: opt(fc.boolean()) })
      .filter((q) => q.min === undefined || q.max === undefined || q.min <= q.max),
    text: fc.record({ maxLength: opt(fc.integer({ min: 1, max: 1_000_000 })), multiline: opt(fc.boolean()) }),
    pairwise: fc
      .record({
        field: candidates,
        prompt,
        scale: opt(fc.constantFrom(3, 5, 7)),
        criteria: opt(criterionNames(fc.record({ name: identifier, label: opt(display) }), 0)),
      })
      .chain((q) => {
        const scale = q.scale ?? 7;
        return fc
          .record({
            labels: opt(fc.array(display, { minLength: scale, maxLength: scale })),
            requireJustificationFrom: opt(fc.integer({ min: 0, max: (scale - 1) / 2 })),
          })
          .map((more) => ({ ...q, ...more }));
      }),
    ranking: fc.record({ field: candidates, prompt, allowTies: opt(fc.boolean()) }),
    rubric: fc.record({
      field: fc.constantFrom(...names.responses, ...names.text),
      prompt,
      grade: opt(fc.constantFrom('each', 'one')),
      criteria: criterionNames(
        fc.record({
          name: identifier,
          label: opt(display),
          description: opt(fc.string({ maxLength: 30 })),
          scale: fc.oneof(
            fc.constant('pass_fail'),
            fc
              .tuple(fc.integer({ min: -10, max: 10 }), fc.integer({ min: 1, max: 10 }))
              .map(([min, span]) => ({ min, max: min + span })),
          ),
          weight: opt(
            fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.double({ min: 1e-6, max: 1000, noNaN: true })),
          ),
        }),
        1,
      ),
      comments: opt(fc.boolean()),
    }),
    steps: fc
      .record({
        field: fc.constantFrom(...names.responses, ...names.text),
        prompt,
        split: opt(fc.constantFrom('given', 'paragraphs', 'lines')),
      })
      .chain((q) =>
        (q.split === 'given' ? opt(fc.string({ minLength: 1, maxLength: 10 })) : fc.constant(undefined)).map(
          (stepsKey) => ({ ...q, stepsKey }),
        ),
      ),
    rewrite: fc.record({
      field: opt(candidates),
      prompt,
      maxLength: opt(fc.integer({ min: 1, max: 1_000_000 })),
    }),
    turns: fc
      .record({
        field: fc.constantFrom(...names.chat),
        rating: opt(
          fc
            .record({ min: opt(fc.integer({ min: -5, max: 5 })), max: opt(fc.integer({ min: -5, max: 10 })) })
            .filter((r) => (r.min ?? 1) < (r.max ?? 5)),
        ),
        flags: opt(list),
        rewrite: opt(fc.boolean()),
      })
      .filter((q) => q.rating !== undefined || q.flags !== undefined || q.rewrite === true),
    live: fc.record({
      field: opt(fc.constantFrom(...names.chat)),
      system: opt(fc.string({ minLength: 1, maxLength: 30 })),
      rating: opt(
        fc
          .record({ min: opt(fc.integer({ min: -5, max: 5 })), max: opt(fc.integer({ min: -5, max: 10 })) })
          .filter((r) => (r.min ?? 1) < (r.max ?? 5)),
      ),
      flags: opt(list),
      rewrite: opt(fc.boolean()),
      maxTurns: opt(fc.integer({ min: 1, max: 50 })),
      maxLength: opt(fc.integer({ min: 1, max: 20_000 })),
    }),
    segments: fc
      .record({
        field: fc.constantFrom(...names.audio, ...names.video),
        labels: opt(list),
        allowOverlap: opt(fc.boolean()),
        minLength: opt(seconds),
        maxLength: opt(seconds),
        text: opt(need),
        speakers: opt(need),
        speakerNames: opt(
          fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/), { minLength: 1, maxLength: 4 }),
        ),
        mode: opt(fc.constantFrom('regions', 'transcript')),
      })
      .filter(
        (q) =>
          (q.minLength === undefined || q.maxLength === undefined || q.minLength <= q.maxLength) &&
          (q.mode !== 'transcript' || (q.text ?? 'none') !== 'none') &&
          (q.speakerNames === undefined || (q.speakers ?? 'none') !== 'none') &&
          (q.labels !== undefined || (q.text ?? 'none') !== 'none' || (q.speakers ?? 'none') !== 'none'),
      ),
    frames: fc.record({
      field: fc.constantFrom(...names.video),
      labels: list,
      mode: opt(fc.constantFrom('keyframes', 'frames')),
    }),
    tracks: fc.record({
      field: fc.constantFrom(...names.video),
      labels: list,
      maxTracks: opt(fc.integer({ min: 1, max: 1000 })),
    }),
  };
};
type Kind = keyof ReturnType<typeof kindArbs>;

// A field of each type a question works on, so every kind of question can be asked; in any order.
const fieldType = fc.constantFrom(...(['text', 'chat', 'responses', 'audio', 'video', 'image'] as const));
const asked: (keyof Names)[] = ['text', 'chat', 'responses', 'audio', 'video'];
const fieldsArb = fc.uniqueArray(identifier, { minLength: asked.length, maxLength: 7 }).chain((all) =>
  fc
    .array(fieldType, { minLength: all.length - asked.length, maxLength: all.length - asked.length })
    .chain((rest) => {
      const types: (keyof Names)[] = [...asked, ...rest];
      return fc
        .tuple(...all.map((name, i) => fieldArbs[types[i]!].map((f) => ({ name, type: types[i]!, ...f }))))
        .chain((fields) => fc.shuffledSubarray(fields, { minLength: fields.length }));
    }),
);

const interfaceArb = fieldsArb
  .chain((fields) => {
    const names: Names = { text: [], chat: [], responses: [], audio: [], video: [], image: [] };
    for (const f of fields) names[f.type].push(f.name);
    const kinds = kindArbs(names);
    return fc.record({
      fields: fc.constant(fields),
      questions: fc
        .uniqueArray(identifier, { minLength: 1, maxLength: 4 })
        .chain((qNames) =>
          fc.tuple(
            ...qNames.map((name) =>
              fc
                .constantFrom(...(Object.keys(kinds) as Kind[]))
                .chain((type) =>
                  fc
                    .tuple(common, kinds[type] as fc.Arbitrary<Record<string, unknown>>)
                    .map(([c, k]) => ({ name, type, ...c, ...strip(k) })),
                ),
            ),
          ),
        ),
    });
  })
  .filter((raw) => parseInterface(raw).ok)
  // What a person pastes or the API stores is JSON text: read it back as JSON.parse would.
  .map((raw) => JSON.parse(JSON.stringify(raw)) as unknown);

describe('interface JSON -> form -> JSON', () => {
  it('is tried on every kind of question and field', () => {
    const seen = new Set<string>();
    for (const raw of fc.sample(interfaceArb, { numRuns: 200, seed: 11 }) as Record<string, unknown[]>[])
      for (const x of [...raw.fields!, ...raw.questions!]) seen.add((x as { type: string }).type);
    expect([...seen].sort()).toEqual([...new Set([...questionTypes, ...fieldTypes])].sort());
  });

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
    ['one question of every kind over media', mediaKindsInterface],
    [
      'every setting of the questions over media',
      {
        fields: [
          { name: 'rec', type: 'audio' },
          { name: 'clip', type: 'video' },
        ],
        questions: [
          {
            ...{ name: 'said', type: 'segments', field: 'rec', labels: ['speech'], allowOverlap: true },
            ...{ minLength: 0.25, maxLength: 30, text: 'required', speakers: 'optional' },
            ...{ speakerNames: ['A', 'B.2'], mode: 'transcript' },
          },
          { name: 'scene', type: 'frames', field: 'clip', labels: ['in', 'out'], mode: 'frames' },
          { name: 'objects', type: 'tracks', field: 'clip', labels: ['car'], maxTracks: 12 },
        ],
      },
    ],
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
    const form = [...formProperties.field, ...(formProperties.fieldByType[type] ?? [])].sort();
    expect(form).toEqual(keysOf(fieldKindOf(type).config));
  });
});

describe('a list typed one entry per line', () => {
  it('is trimmed, without blank lines', () => {
    expect(splitLines(' positive \n\n negative\n  \nneutral')).toEqual(['positive', 'negative', 'neutral']);
  });
});
