import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecodedItem, decodeCsvItems, decodeJsonlItems, MAX_PREDICTIONS_PER_LINE } from './items.ts';
import { collect, cutAt, cutOffsets, everySplit, sourceOf, utf8 } from './test-support.ts';

const jsonl = (...lines: string[]) => collect(decodeJsonlItems(sourceOf(lines.join('\n'))));
const errors = (items: DecodedItem[]) => items.flatMap((item) => (item.ok ? [] : [item.error]));
const errorOf = async (line: string) => errors(await jsonl(line));

describe('decodeJsonlItems', () => {
  it('decodes a full line', async () => {
    const line = JSON.stringify({
      id: 'doc-1',
      data: { text: 'hi' },
      meta: { source: 'crawl' },
      priority: 5,
      annotations: [
        {
          annotator: 'ada@example.org',
          answers: { label: 'pos' },
          status: 'draft',
          leadTimeMs: 1200,
          createdAt: '2026-01-01T02:00:00+02:00',
        },
      ],
    });
    expect(await jsonl(line)).toEqual([
      {
        line: 1,
        ok: true,
        item: {
          externalId: 'doc-1',
          data: { text: 'hi' },
          meta: { source: 'crawl' },
          priority: 5,
          annotations: [
            {
              annotator: 'ada@example.org',
              answers: { label: 'pos' },
              status: 'draft',
              leadTimeMs: 1200,
              createdAt: '2026-01-01T00:00:00.000Z',
            },
          ],
          predictions: [],
          gold: null,
          skills: null,
        },
      },
    ]);
  });

  it('fills in defaults and turns a numeric id into a string', async () => {
    const items = await jsonl(
      '{"data":{}}',
      '{"id":42,"data":{},"annotations":[{"annotator":"a","answers":{}}]}',
    );
    expect(items.map((item) => item.ok && item.item)).toEqual([
      {
        externalId: null,
        data: {},
        meta: {},
        priority: 0,
        annotations: [],
        predictions: [],
        gold: null,
        skills: null,
      },
      {
        externalId: '42',
        data: {},
        meta: {},
        priority: 0,
        annotations: [
          { annotator: 'a', answers: {}, status: 'submitted', leadTimeMs: null, createdAt: null },
        ],
        predictions: [],
        gold: null,
        skills: null,
      },
    ]);
  });

  it('trims the annotator, as every name', async () => {
    const [item] = await jsonl(
      '{"data":{},"annotations":[{"annotator":"  Grace (external) ","answers":{}}]}',
    );
    expect(item?.ok && item.item.annotations[0]?.annotator).toBe('Grace (external)');
  });

  it('decodes predictions: agent trimmed, score optional', async () => {
    const [item] = await jsonl(
      JSON.stringify({
        data: {},
        predictions: [
          { agent: ' model-a ', score: 0.87, answers: { topic: 'x' } },
          { agent: 'rules', answers: {} },
        ],
      }),
    );
    expect(item?.ok && item.item.predictions).toEqual([
      { agent: 'model-a', score: 0.87, answers: { topic: 'x' } },
      { agent: 'rules', score: null, answers: {} },
    ]);
  });

  it.each([
    ['{"data":{},"predictions":{}}', 'line 1: "predictions" must be an array'],
    ['{"data":{},"predictions":[3]}', 'line 1: predictions[0] must be an object'],
    [
      '{"data":{},"predictions":[{"agent":"a","answers":{},"why":1}]}',
      'line 1: predictions[0] has unknown key "why" (expected agent, score, answers)',
    ],
    ['{"data":{},"predictions":[{"answers":{}}]}', 'line 1: predictions[0].agent must be a string'],
    [
      '{"data":{},"predictions":[{"agent":"a\\u202e","answers":{}}]}',
      'line 1: predictions[0].agent U+202E (right-to-left override) is not allowed',
    ],
    [
      '{"data":{},"predictions":[{"agent":"a","score":"high","answers":{}}]}',
      'line 1: predictions[0].score must be a number',
    ],
    ['{"data":{},"predictions":[{"agent":"a"}]}', 'line 1: predictions[0].answers must be an object'],
    [
      '{"data":{},"predictions":[{"agent":"a","answers":{}},{"agent":"a","answers":{}}]}',
      'line 1: predictions[1].agent: "a" appears twice on this line',
    ],
  ])('reports a bad prediction: %s', async (line, error) => {
    expect(await errorOf(line)).toEqual([error]);
  });

  it(`refuses more than ${MAX_PREDICTIONS_PER_LINE} predictions on a line`, async () => {
    const predictions = Array.from({ length: MAX_PREDICTIONS_PER_LINE + 1 }, (_, k) => ({
      agent: `a${k}`,
      answers: {},
    }));
    expect(await errorOf(JSON.stringify({ data: {}, predictions }))).toEqual([
      `line 1: "predictions" holds ${MAX_PREDICTIONS_PER_LINE + 1} predictions; at most ${MAX_PREDICTIONS_PER_LINE} are allowed`,
    ]);
  });

  it('skips blank lines but keeps counting them', async () => {
    const items = await collect(decodeJsonlItems(sourceOf('\n{"data":{}}\r\n  \n\t\n{"data":{}}')));
    expect(items.map((item) => item.line)).toEqual([2, 5]);
  });

  it('reports each bad line and goes on to the next', async () => {
    const items = await jsonl('{"data":{}}', '{"data":', '{"data":{}}', '[1]', '{"data":{}}');
    expect(items.map((item) => [item.line, item.ok])).toEqual([
      [1, true],
      [2, false],
      [3, true],
      [4, false],
      [5, true],
    ]);
  });

  it('reports invalid JSON with the parser message', async () => {
    expect(await errorOf('{"data": }')).toEqual([
      `line 1: not valid JSON (Unexpected token '}', "{"data": }" is not valid JSON)`,
    ]);
  });

  it('reports JSON that is not an object', async () => {
    for (const value of ['[]', '"text"', 'null', '3']) {
      expect(await errorOf(value)).toEqual(['line 1: must be a JSON object']);
    }
  });

  it('reports an unknown key before anything else', async () => {
    expect(await errorOf('{"dta":{}}')).toEqual([
      'line 1: unknown key "dta" (expected id, data, meta, priority, annotations, predictions, gold, skills)',
    ]);
  });

  it.each([
    ['{}', '"data" is required'],
    ['{"data":[]}', '"data" must be an object'],
    ['{"data":null}', '"data" must be an object'],
    ['{"data":{},"meta":"x"}', '"meta" must be an object'],
    ['{"data":{},"priority":1.5}', '"priority" must be an integer from -2147483648 to 2147483647'],
    ['{"data":{},"priority":"1"}', '"priority" must be an integer from -2147483648 to 2147483647'],
    ['{"data":{},"priority":3000000000}', '"priority" must be an integer from -2147483648 to 2147483647'],
    ['{"data":{},"id":""}', '"id" must be 1 to 200 characters'],
    [`{"data":{},"id":"${'x'.repeat(201)}"}`, '"id" must be 1 to 200 characters'],
    ['{"data":{},"id":1.5}', '"id" must be a string or a safe integer'],
    ['{"data":{},"id":true}', '"id" must be a string or a number'],
    ['{"data":{},"annotations":{}}', '"annotations" must be an array'],
    ['{"data":{},"annotations":[3]}', 'annotations[0] must be an object'],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{},"note":1}]}',
      'annotations[0] has unknown key "note" (expected annotator, answers, status, leadTimeMs, createdAt)',
    ],
    ['{"data":{},"annotations":[{"answers":{}}]}', 'annotations[0].annotator must be a non-empty string'],
    [
      '{"data":{},"annotations":[{"annotator":" ","answers":{}}]}',
      'annotations[0].annotator must be a non-empty string',
    ],
    ['{"data":{},"annotations":[{"annotator":"a"}]}', 'annotations[0].answers must be an object'],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{},"status":"done"}]}',
      'annotations[0].status must be "submitted" or "draft"',
    ],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{}},{"annotator":"b","answers":{},"leadTimeMs":-1}]}',
      'annotations[1].leadTimeMs must be a non-negative integer',
    ],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{},"createdAt":"2026-02-30T00:00:00Z"}]}',
      'annotations[0].createdAt must be an ISO 8601 date-time with a time zone',
    ],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{},"createdAt":"2026-01-01 10:00"}]}',
      'annotations[0].createdAt must be an ISO 8601 date-time with a time zone',
    ],
    [
      '{"data":{},"annotations":[{"annotator":"\\u202Egro.x@nimda","answers":{}}]}',
      'annotations[0].annotator: U+202E (right-to-left override) is not allowed',
    ],
    [
      '{"data":{},"annotations":[{"annotator":"a","answers":{}},{"annotator":"\\u200B","answers":{}}]}',
      'annotations[1].annotator: U+200B (zero width space) is not allowed',
    ],
  ])('reports %s as "%s"', async (line, problem) => {
    expect(await errorOf(line)).toEqual([`line 1: ${problem}`]);
  });

  it('limits an annotator name to 200 characters, and an email to 254', async () => {
    const named = (annotator: string) =>
      `{"data":{},"annotations":[{"annotator":"${annotator}","answers":{}}]}`;
    expect(await errorOf(named('n'.repeat(1_000_000)))).toEqual([
      'line 1: annotations[0].annotator: must be at most 200 characters',
    ]);
    expect(await errorOf(named(`${'a'.repeat(250)}@example.org`))).toEqual([
      'line 1: annotations[0].annotator: must be at most 254 characters',
    ]);
    expect(await errorOf(named(`${'a'.repeat(230)}@example.org`))).toEqual([]);
  });

  it('reports a line that is not valid UTF-8 or too long, and goes on', async () => {
    const bad = new Uint8Array([...utf8('{"data":{}}\n{"data":"'), 0xff, ...utf8('"}\n{"data":{}}\n')]);
    const items = await collect(decodeJsonlItems(sourceOf(bad)));
    expect(items.map((item) => (item.ok ? item.line : item.error))).toEqual([
      1,
      'line 2: not valid UTF-8',
      3,
    ]);

    const long = `{"data":{"text":"${'x'.repeat(17 * 1024 * 1024)}"}}`;
    const chunks = ['{"data":{}}\n', ...long.match(/.{1,65536}/gs)!, '\n{"data":{}}'];
    const afterLong = await collect(decodeJsonlItems(sourceOf(...chunks)));
    expect(afterLong.map((item) => (item.ok ? item.line : item.error))).toEqual([
      1,
      'line 2: longer than 16777216 bytes',
      3,
    ]);
  });

  it('decodes the same items for every two-chunk split of bytes', async () => {
    const text = '\uFEFF{"id":"😀","data":{"t":"中文"}}\r\n\r\n{"data":{"e":"é"}}\n{"dta":1}';
    const whole = await collect(decodeJsonlItems(sourceOf(text)));
    expect(whole.map((item) => item.line)).toEqual([1, 3, 4]);
    for (const chunks of everySplit(utf8(text))) {
      expect(await collect(decodeJsonlItems(sourceOf(...chunks)))).toEqual(whole);
    }
  });

  it('decodes the same items however the bytes are chunked (property)', async () => {
    const item = fc.record({
      id: fc.string({ unit: 'grapheme', minLength: 1 }),
      data: fc.dictionary(fc.string(), fc.string({ unit: 'grapheme' })),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(item, { maxLength: 6 }),
        fc.constantFrom('\n', '\r\n'),
        cutOffsets,
        async (items, newline, offsets) => {
          const text = items.map((value) => JSON.stringify(value)).join(newline);
          const decoded = await collect(decodeJsonlItems(sourceOf(...cutAt(utf8(text), offsets))));
          expect(decoded).toEqual(
            items.map((value, i) => ({
              line: i + 1,
              ok: true,
              item: {
                externalId: value.id,
                data: value.data,
                meta: {},
                priority: 0,
                annotations: [],
                predictions: [],
                gold: null,
                skills: null,
              },
            })),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('decodeCsvItems', () => {
  const csv = (...chunks: (Uint8Array | string)[]) => collect(decodeCsvItems(sourceOf(...chunks)));

  it('maps id, priority, meta.* and data columns', async () => {
    const items = await csv('id,priority,text,meta.source\r\ndoc-1,3,"hello, world",crawl\r\n,,bye,\r\n');
    expect(items).toEqual([
      {
        line: 2,
        ok: true,
        item: {
          externalId: 'doc-1',
          data: { text: 'hello, world' },
          meta: { source: 'crawl' },
          priority: 3,
          annotations: [],
          predictions: [],
          gold: null,
          skills: null,
        },
      },
      {
        line: 3,
        ok: true,
        item: {
          externalId: null,
          data: { text: 'bye' },
          meta: { source: '' },
          priority: 0,
          annotations: [],
          predictions: [],
          gold: null,
          skills: null,
        },
      },
    ]);
  });

  it('numbers items by the line their record starts on', async () => {
    const items = await csv('text\n"two\nlines"\n"three\n\nlines"\nlast\n');
    expect(items.map((item) => item.line)).toEqual([2, 4, 7]);
  });

  it('reports a wrong number of values and goes on', async () => {
    const items = await csv('a,b,c,d\n1,2,3\n1,2,3,4\n1,2,3,4,5\n');
    expect(items.map((item) => (item.ok ? item.line : item.error))).toEqual([
      'line 2: 3 values but the header has 4 columns',
      3,
      'line 4: 5 values but the header has 4 columns',
    ]);
    expect(errors(await csv('a,b\nx\n'))).toEqual(['line 2: 1 value but the header has 2 columns']);
  });

  it('reports a priority that is not an integer', async () => {
    const items = await csv('text,priority\na,1.5\nb,x\nc,-7\n');
    expect(items.map((item) => (item.ok ? item.item.priority : item.error))).toEqual([
      'line 2: "priority" must be an integer from -2147483648 to 2147483647 (got "1.5")',
      'line 3: "priority" must be an integer from -2147483648 to 2147483647 (got "x")',
      -7,
    ]);
  });

  it('reports an id longer than 200 characters', async () => {
    expect(errors(await csv(`id,text\n${'x'.repeat(201)},a\n`))).toEqual([
      'line 2: "id" must be at most 200 characters',
    ]);
  });

  it.each([
    ['a,,b\n1,2,3\n', 'line 1: column 2 has an empty name'],
    ['a,b,a\n1,2,3\n', 'line 1: duplicate column "a"'],
    ['a,meta.\n1,2\n', 'line 1: column 2 ("meta.") has an empty meta key'],
    ['__proto__\n1\n', 'line 1: column "__proto__" is not allowed'],
  ])('stops at a bad header %j', async (input, error) => {
    expect(await csv(input)).toEqual([{ line: 1, ok: false, error }]);
  });

  it('reports a malformed record and goes on at the next line', async () => {
    const items = await csv('a,b\nx,y"z\n1,2\n3,"open\n');
    expect(items.map((item) => (item.ok ? item.line : item.error))).toEqual([
      'line 2: unexpected quote in unquoted field',
      3,
      'line 4: unterminated quoted field',
    ]);
  });

  it('yields nothing for an empty file or a header alone', async () => {
    expect(await csv('')).toEqual([]);
    expect(await csv('a,b\r\n')).toEqual([]);
  });
});
