import { describe, expect, it } from 'vitest';
import { AgreementBuilder, type ItemAnnotation } from './agreement.ts';
import { JudgeComparison } from './judge-comparison.ts';

const iface = {
  questions: [
    { name: 'topic', type: 'choice', options: ['a', 'b', 'c'] },
    { name: 'tags', type: 'multi_choice', options: ['x', 'y'] },
  ],
} as never;

/** Three people (p1–p3) and a model (m) on four items. */
const items: ItemAnnotation[][] = [
  // all people say a; the model too
  [
    { annotator: 'p1', answers: { topic: 'a', tags: ['x'] } },
    { annotator: 'p2', answers: { topic: 'a', tags: ['x'] } },
    { annotator: 'p3', answers: { topic: 'a', tags: ['x', 'y'] } },
    { annotator: 'm', answers: { topic: 'a', tags: ['y'] }, model: true },
  ],
  // people a, a, b; the model b
  [
    { annotator: 'p1', answers: { topic: 'a' } },
    { annotator: 'p2', answers: { topic: 'a' } },
    { annotator: 'p3', answers: { topic: 'b' } },
    { annotator: 'm', answers: { topic: 'b' }, model: true },
  ],
  // people a, b: a tie for the model; for p1 the others are b alone
  [
    { annotator: 'p1', answers: { topic: 'a' } },
    { annotator: 'p2', answers: { topic: 'b' } },
    { annotator: 'm', answers: { topic: 'a' }, model: true },
  ],
  // one person and the model: the model is compared with that person, the person with nobody
  [
    { annotator: 'p3', answers: { topic: 'c' } },
    { annotator: 'm', answers: { topic: 'c' }, model: true },
  ],
];

function compare(method: 'majority' | 'dawid-skene', list = items) {
  const judge = new JudgeComparison((a) => a !== 'm');
  const builder = new AgreementBuilder(iface, judge);
  list.forEach((annotations, i) => {
    builder.addItem(i + 1, annotations);
  });
  return judge.result(method);
}

describe('the model judge against the people', () => {
  it("compares the model with all the people's majority and each person with the others'", () => {
    const r = compare('majority');
    // topic: item 1 agrees, item 2 disagrees (a), item 3 a tie (not counted), item 4 agrees.
    expect(r.m?.questions.topic).toEqual({ agreed: 2, units: 3, rate: 2 / 3 });
    // p1: item 1 (others a, a) agrees, item 2 (others a, b) tie, item 3 (other b) disagrees.
    expect(r.p1?.questions.topic).toEqual({ agreed: 1, units: 2, rate: 0.5 });
    // p3: item 1 agrees, item 2 (others a, a) disagrees, item 4 alone: not counted.
    expect(r.p3?.questions.topic).toEqual({ agreed: 1, units: 2, rate: 0.5 });
  });

  it('reports multi-choice per option, and the question as their sum', () => {
    const r = compare('majority');
    // item 1 only: option x (people yes, yes, yes; model no), option y (people no, no, yes; model yes).
    expect(r.m?.questions.tags?.parts).toEqual({
      x: { agreed: 0, units: 1, rate: 0 },
      y: { agreed: 0, units: 1, rate: 0 },
    });
    expect(r.m?.questions.tags).toMatchObject({ agreed: 0, units: 2 });
    expect(r.p3?.questions.tags?.parts?.y).toEqual({ agreed: 0, units: 1, rate: 0 });
    expect(r.m?.overall).toEqual({ agreed: 2, units: 5, rate: 0.4 });
  });

  it("never lets the model's answers move the people's consensus", () => {
    const withModel = compare('majority');
    const without = compare(
      'majority',
      items.map((annotations) => annotations.filter((a) => !a.model)),
    );
    for (const person of ['p1', 'p2', 'p3']) expect(withModel[person]).toEqual(without[person]);
  });

  it('takes the Dawid–Skene answer of the people, which agrees with a clear majority', () => {
    const many: ItemAnnotation[][] = Array.from({ length: 30 }, (_, i) => {
      const truth = ['a', 'b', 'c'][i % 3] as string;
      const other = ['b', 'c', 'a'][i % 3] as string;
      return [
        { annotator: 'p1', answers: { topic: truth } },
        { annotator: 'p2', answers: { topic: truth } },
        { annotator: 'p3', answers: { topic: i % 5 === 0 ? other : truth } },
        { annotator: 'm', answers: { topic: i % 2 === 0 ? truth : other }, model: true },
      ];
    });
    const ds = compare('dawid-skene', many);
    const mv = compare('majority', many);
    expect(ds.m?.questions.topic).toEqual({ agreed: 15, units: 30, rate: 0.5 });
    expect(ds.m?.questions.topic).toEqual(mv.m?.questions.topic);
    // p3 is measured against p1 and p2, who always agree: wrong on the six items i % 5 === 0.
    expect(ds.p3?.questions.topic).toEqual({ agreed: 24, units: 30, rate: 0.8 });
    expect(ds.p1?.questions.topic?.units).toBe(30);
  });

  it('reports rubric criteria per candidate and steps by index', () => {
    const rubricIface = {
      questions: [
        {
          name: 'grade',
          type: 'rubric',
          field: 'replies',
          criteria: [
            { name: 'correct', scale: 'pass_fail' },
            { name: 'clear', scale: { min: 1, max: 3 } },
          ],
        },
        { name: 'check', type: 'steps', field: 'replies' },
      ],
    } as never;
    const grade = (correct: boolean, clear: number) => ({
      grades: [
        { candidate: 'r1', scores: { correct: { score: correct }, clear: { score: clear } } },
        { candidate: 'r2', scores: { correct: { score: true }, clear: { score: 3 } } },
      ],
    });
    const check = (...verdicts: string[]) => ({
      candidate: 'r1',
      steps: verdicts.map((verdict) => ({ verdict })),
    });
    const judge = new JudgeComparison((a) => a !== 'm');
    const builder = new AgreementBuilder(rubricIface, judge);
    builder.addItem(1, [
      { annotator: 'p1', answers: { grade: grade(true, 2), check: check('correct', 'incorrect') } },
      { annotator: 'p2', answers: { grade: grade(true, 2), check: check('correct', 'incorrect') } },
      {
        annotator: 'm',
        answers: { grade: grade(false, 2), check: check('correct', 'correct') },
        model: true,
      },
    ]);
    const r = judge.result('majority');
    // Two candidates per criterion: the judge fails r1 where the people pass it.
    expect(r.m?.questions.grade?.parts).toEqual({
      clear: { agreed: 2, units: 2, rate: 1 },
      correct: { agreed: 1, units: 2, rate: 0.5 },
    });
    expect(r.m?.questions.check?.parts).toEqual({
      '0': { agreed: 1, units: 1, rate: 1 },
      '1': { agreed: 0, units: 1, rate: 0 },
    });
    expect(r.p1?.questions.check).toMatchObject({ agreed: 2, units: 2 });
  });
});
