import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../interface/index.ts';
import { AgreementBuilder, type ItemAnnotation } from './agreement.ts';

const tutoringFields = [
  { name: 'pair', type: 'responses' },
  { name: 'four', type: 'responses' },
];
const tutoringData: Record<string, unknown> = {
  text: 'some text to mark up',
  pair: [
    { id: 'a', content: 'one' },
    { id: 'b', content: 'two' },
  ],
  four: ['w', 'x', 'y', 'z'].map((id) => ({ id, content: id })),
};

const iface = migrateInterface({
  fields: [{ name: 'text', type: 'text' }, ...tutoringFields],
  questions: [
    { name: 'topic', type: 'choice', options: ['a', 'b', 'c'] },
    { name: 'flags', type: 'multi_choice', options: ['x', 'y'] },
    { name: 'quality', type: 'rating', min: 1, max: 5 },
    { name: 'count', type: 'number' },
    { name: 'ents', type: 'spans', field: 'text', labels: ['P', 'Q'] },
    { name: 'pref', type: 'pairwise', field: 'pair', scale: 5 },
    { name: 'order', type: 'ranking', field: 'four', allowTies: true },
    {
      name: 'grade',
      type: 'rubric',
      field: 'pair',
      criteria: [
        { name: 'clarity', scale: { min: 1, max: 3 } },
        { name: 'correct', scale: 'pass_fail' },
      ],
    },
    { name: 'check', type: 'steps', field: 'pair' },
    { name: 'note', type: 'text' },
  ],
});

const ann = (annotator: string, answers: Record<string, unknown>): ItemAnnotation => ({ annotator, answers });

function everything(v: number): Record<string, unknown> {
  return {
    topic: ['a', 'b', 'c'][v % 3],
    flags: v % 2 ? ['x'] : ['y'],
    quality: 1 + (v % 5),
    count: v * 10,
    ents: [{ start: v, end: v + 2, label: 'P' }],
    pref:
      v % 3 === 0 ? { preferred: null, strength: 0 } : { preferred: v % 3 === 1 ? 'a' : 'b', strength: 2 },
    order: { order: v % 2 ? [['w'], ['x'], ['y', 'z']] : [['z'], ['y'], ['x'], ['w']] },
    grade: {
      grades: ['a', 'b'].map((c) => ({
        candidate: c,
        scores: { clarity: { score: 1 + (v % 3) }, correct: { score: v % 2 === 0 } },
        total: 0,
      })),
    },
    check: {
      candidate: 'a',
      steps: [{ verdict: v % 2 ? 'correct' : 'unverifiable' }, { verdict: 'correct' }],
      firstError: null,
    },
    note: `note ${v}`,
  };
}

/** The same object with numbers rounded to 9 decimals (sums in another order differ in the last bits). */
const rounded = (v: unknown): unknown =>
  JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' ? Math.round(x * 1e9) / 1e9 + 0 : x)));

describe('AgreementBuilder', () => {
  it('reports perfect agreement as 1 for every coefficient and 0 disagreement per item', () => {
    const b = new AgreementBuilder(iface);
    for (let v = 0; v < 6; v++)
      expect(
        b.addItem(
          v,
          ['ann@x', 'bob@x', 'cy'].map((who) => ann(who, everything(v))),
          tutoringData,
        ),
      ).toBe(0);
    const { questions, annotators } = b.result();
    expect(questions.topic).toMatchObject({
      type: 'choice',
      n: 18,
      units: 6,
      krippendorffAlpha: { nominal: 1 },
      fleissKappa: 1,
    });
    expect(questions.topic?.cohenKappa).toEqual([
      { annotators: ['ann@x', 'bob@x'], n: 6, unweighted: 1 },
      { annotators: ['ann@x', 'cy'], n: 6, unweighted: 1 },
      { annotators: ['bob@x', 'cy'], n: 6, unweighted: 1 },
    ]);
    expect(questions.quality?.krippendorffAlpha).toEqual({ nominal: 1, ordinal: 1, interval: 1 });
    expect(questions.quality?.cohenKappa?.[0]).toEqual({
      annotators: ['ann@x', 'bob@x'],
      n: 6,
      unweighted: 1,
      linear: 1,
      quadratic: 1,
    });
    expect(questions.count).toEqual({
      type: 'number',
      n: 18,
      units: 6,
      krippendorffAlpha: { interval: 1, ratio: 1 },
    });
    expect(questions.flags?.options?.x).toMatchObject({ krippendorffAlpha: { nominal: 1 }, fleissKappa: 1 });
    expect(questions.ents?.spanF1).toMatchObject({
      exact: 1,
      overlap: 1,
      labels: { P: { exact: 1, overlap: 1, spans: 36 } },
    });
    expect(questions.pref?.krippendorffAlpha).toEqual({ nominal: 1, ordinal: 1, interval: 1 });
    expect(questions.order).toMatchObject({ kendallTau: 1, kendallW: 1, pairs: 18, units: 6 });
    expect(questions.grade?.criteria?.clarity).toMatchObject({ units: 12, fleissKappa: 1 });
    expect(questions.grade?.criteria?.correct?.krippendorffAlpha).toEqual({ nominal: 1 });
    expect(questions.check?.steps?.[0]).toMatchObject({
      step: 0,
      units: 6,
      krippendorffAlpha: { nominal: 1 },
    });
    // Step 1 is always "correct": no variation, so alpha is undefined.
    expect(questions.check?.steps?.[1]?.krippendorffAlpha).toEqual({ nominal: null });
    expect(questions.note).toEqual({ type: 'text', n: 18 });
    expect(annotators.cy).toMatchObject({ withOthers: 1, withConsensus: 1 });
  });

  it('gives per-item disagreement, null under two annotations, and leave-one-out consensus', () => {
    const b = new AgreementBuilder({ questions: [iface.questions[0]!] });
    expect(b.addItem(1, [ann('a', { topic: 'a' })])).toBeNull();
    expect(
      b.addItem(2, [ann('a', { topic: 'a' }), ann('b', { topic: 'a' }), ann('c', { topic: 'b' })]),
    ).toBeCloseTo(2 / 3, 12);
    expect(b.addItem(3, [ann('a', { topic: 'a' }), ann('b', { topic: 'c' })])).toBe(1);
    const { annotators, questions } = b.result();
    expect(questions.topic?.n).toBe(6);
    // a: pairs 2 (item 2) + 1 (item 3), agreed 1; consensus: in item 2 the others tie (not
    // counted), in item 3 the other (b) said c.
    expect(annotators.a).toEqual({
      withOthers: 1 / 3,
      pairs: 3,
      withConsensus: 0,
      consensusUnits: 1,
      units: 2,
    });
    expect(annotators.c).toEqual({ withOthers: 0, pairs: 2, withConsensus: 0, consensusUnits: 1, units: 1 });
  });

  it('signs pairwise strengths by the item’s candidate order, so mirrored preferences disagree', () => {
    const b = new AgreementBuilder({ questions: [iface.questions[5]!] });
    const score = b.addItem(
      1,
      [
        ann('a', { pref: { preferred: 'a', strength: 1 } }),
        ann('b', { pref: { preferred: 'b', strength: 1 } }),
      ],
      tutoringData,
    );
    expect(score).toBe(1);
  });

  it('marks model judges and does not change with annotator names or item order', () => {
    const items = fc.array(
      fc.array(
        fc.tuple(
          fc.constantFrom('p', 'q', 'r', 's'),
          fc.constantFrom('a', 'b', 'c'),
          fc.integer({ min: 1, max: 5 }),
        ),
        {
          maxLength: 4,
        },
      ),
      { minLength: 1, maxLength: 12 },
    );
    fc.assert(
      fc.property(items, (raw) => {
        const build = (rename: (s: string) => string, order: (typeof raw)[number][]) => {
          const b = new AgreementBuilder({ questions: [iface.questions[0]!, iface.questions[2]!] });
          order.forEach((item, i) => {
            const seen = new Map(item.map(([who, topic, quality]) => [who, { topic, quality }]));
            b.addItem(
              i,
              [...seen].map(([who, answers]) => ann(rename(who), answers)),
            );
          });
          return b.result().questions;
        };
        const a = build((s) => s, raw);
        const renamed = build((s) => `x-${s}`, [...raw].reverse());
        for (const name of ['topic', 'quality'])
          expect(rounded({ ...renamed[name], cohenKappa: undefined })).toEqual(
            rounded({ ...a[name], cohenKappa: undefined }),
          );
      }),
    );
    const b = new AgreementBuilder({ questions: [iface.questions[0]!] });
    b.addItem(1, [ann('a', { topic: 'a' }), { annotator: 'judge', answers: { topic: 'a' }, model: true }]);
    expect(b.result().annotators.judge?.kind).toBe('model');
  });
});
