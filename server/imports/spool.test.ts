import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSpooled, encodeSpooled, type SpooledItem } from './spool.ts';

const json = fc.jsonValue().map((v) => JSON.stringify(v));

const spooledItem: fc.Arbitrary<SpooledItem> = fc.record({
  line: fc.nat(),
  externalId: fc.option(fc.string({ unit: 'binary' }), { nil: null }),
  data: json,
  meta: json,
  priority: fc.integer(),
  skills: fc.option(fc.constantFrom('{"math":1}', '{"code.python":3,"math.algebra":2}'), { nil: null }),
  annotations: fc.option(
    fc.array(
      fc.record({
        annotator: fc.string({ unit: 'binary' }),
        status: fc.constantFrom('draft' as const, 'submitted' as const),
        answers: fc.dictionary(fc.string(), fc.jsonValue()).map((a) => JSON.parse(JSON.stringify(a))),
        leadTimeMs: fc.option(fc.nat(), { nil: null }),
        createdAt: fc.option(fc.constant('2026-01-02T03:04:05.006Z'), { nil: null }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: null },
  ),
  predictions: fc.option(
    fc.array(
      fc.record({
        agent: fc.string({ unit: 'binary' }),
        score: fc.option(
          fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
          { nil: null },
        ),
        answers: fc.dictionary(fc.string(), fc.jsonValue()).map((a) => JSON.parse(JSON.stringify(a))),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    { nil: null },
  ),
  gold: fc.option(
    fc.dictionary(fc.string(), fc.jsonValue()).map((a) => JSON.parse(JSON.stringify(a))),
    { nil: null },
  ),
});

describe('the spool line', () => {
  it('decodes to the item it encodes, whatever its text holds', () => {
    fc.assert(
      fc.property(spooledItem, (item) => {
        const text = encodeSpooled(item);
        expect(text.endsWith('\n')).toBe(true);
        expect(text.slice(0, -1)).not.toContain('\n');
        expect(decodeSpooled(text.slice(0, -1))).toEqual(item);
      }),
    );
  });

  it('holds its fields in the order line, priority, externalId, data, meta, annotations, predictions, gold, skills', () => {
    const text = encodeSpooled({
      line: 7,
      externalId: 'a',
      data: '{"t":1}',
      meta: '{}',
      priority: -2,
      annotations: null,
      predictions: [{ agent: 'm', score: 0.5, answers: { q: 1 } }],
      gold: { q: 2 },
      skills: '{"math":2}',
    });
    expect(text).toBe(
      '7\t-2\t"a"\t{"t":1}\t{}\t\t[{"agent":"m","score":0.5,"answers":{"q":1}}]\t{"q":2}\t{"math":2}\n',
    );
  });
});
