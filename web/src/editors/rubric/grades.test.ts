import { describe, expect, it } from 'vitest';
import type { RubricQuestion } from '../../../../core/interface/index.ts';
import { shownCandidates } from '../candidates.ts';
import {
  chooseCandidate,
  columnsOf,
  formatTotal,
  gradeMode,
  liveTotal,
  scaleOptions,
  setComment,
  setScore,
} from './grades.ts';

const q = {
  name: 'grade',
  type: 'rubric',
  field: 'pair',
  grade: 'each',
  required: false,
  comments: true,
  criteria: [
    { name: 'accuracy', scale: { min: 1, max: 5 }, weight: 2 },
    { name: 'cites', scale: 'pass_fail', weight: 1 },
  ],
} as RubricQuestion;
const data = {
  pair: [
    { id: 'a', content: 'A' },
    { id: 'b', content: 'B' },
  ],
};
const candidates = shownCandidates(data, 'pair', ['b', 'a']);

describe('rubric grid', () => {
  it('has a column per candidate in shown order, one for the text, or the chosen one', () => {
    expect(columnsOf('each', candidates, undefined).map((c) => c.candidate?.id)).toEqual(['b', 'a']);
    expect(columnsOf('text', [], undefined)).toEqual([{}]);
    expect(columnsOf('one', candidates, undefined)).toEqual([]);
    expect(columnsOf('one', candidates, chooseCandidate('a')).map((c) => c.candidate?.letter)).toEqual(['B']);
    expect(gradeMode(q, [])).toBe('text');
    expect(gradeMode({ ...q, grade: 'one' }, candidates)).toBe('one');
  });

  it('recomputes the weighted total with every score', () => {
    let v = setScore(q, 'each', undefined, 'a', 'accuracy', 5);
    expect(v?.grades).toEqual([{ candidate: 'a', scores: { accuracy: { score: 5 } }, total: 1 }]);
    v = setScore(q, 'each', v ?? undefined, 'a', 'cites', false);
    // (2·1 + 1·0) / 3
    expect(v?.grades[0]?.total).toBe(0.6667);
    expect(liveTotal(q, v?.grades[0])).toBe(0.6667);
    v = setScore(q, 'each', v ?? undefined, 'b', 'accuracy', 1);
    expect(v?.grades.map((g) => [g.candidate, g.total])).toEqual([
      ['a', 0.6667],
      ['b', 0],
    ]);
  });

  it('keeps a comment when the score changes and drops both when the score is cleared', () => {
    let v = setScore(q, 'each', undefined, 'a', 'accuracy', 3);
    v = setComment(q, 'each', v ?? undefined, 'a', 'accuracy', 'cites no source');
    v = setScore(q, 'each', v ?? undefined, 'a', 'accuracy', 4);
    expect(v?.grades[0]?.scores.accuracy).toEqual({ score: 4, comment: 'cites no source' });
    v = setComment(q, 'each', v ?? undefined, 'a', 'accuracy', '');
    expect(v?.grades[0]?.scores.accuracy).toEqual({ score: 4 });
    expect(setScore(q, 'each', v ?? undefined, 'a', 'accuracy', null)).toBeNull();
  });

  it('does not comment on an unscored criterion', () => {
    const v = setScore(q, 'each', undefined, 'a', 'accuracy', 3);
    expect(setComment(q, 'each', v ?? undefined, 'a', 'cites', 'x')).toBe(v);
  });

  it("keeps a 'one' rubric's chosen candidate with nothing scored", () => {
    const one = { ...q, grade: 'one' } as RubricQuestion;
    let v = setScore(one, 'one', chooseCandidate('b'), 'b', 'cites', true);
    v = setScore(one, 'one', v ?? undefined, 'b', 'cites', null);
    expect(v).toEqual({ grades: [{ candidate: 'b', scores: {}, total: 0 }] });
  });

  it('grades a text field without a candidate', () => {
    const v = setScore(q, 'text', undefined, undefined, 'cites', true);
    expect(v).toEqual({ grades: [{ scores: { cites: { score: true } }, total: 1 }] });
  });

  it('offers each whole number of a scale, or pass and fail', () => {
    expect(scaleOptions(q.criteria[0]!).map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
    expect(scaleOptions(q.criteria[1]!)).toEqual([
      { value: true, label: 'Pass' },
      { value: false, label: 'Fail' },
    ]);
    expect(formatTotal(0.6667)).toBe('0.67 (67%)');
  });
});
