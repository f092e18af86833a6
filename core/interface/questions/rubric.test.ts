import { describe, expect, it } from 'vitest';
import { check } from '../testing.ts';
import { rubricTotal } from './rubric-total.ts';
import { tutoringData as data, tutoringWith } from './tutoring-fixture.ts';

const criteria = [
  { name: 'accuracy', scale: { min: 1, max: 5 }, weight: 3 },
  { name: 'cites', scale: 'pass_fail' },
];
const each = tutoringWith({ name: 'g', type: 'rubric', field: 'pair', criteria });
const one = tutoringWith({ name: 'g', type: 'rubric', field: 'pair', grade: 'one', criteria });
const text = tutoringWith({ name: 'g', type: 'rubric', field: 'prompt', criteria });
const scores = { accuracy: { score: 5, comment: 'exact' }, cites: { score: false } };

describe('rubric answers', () => {
  it('computes the weighted total, replacing a typed one', () => {
    // (3·1 + 1·0) / 4
    const grade = { candidate: 'a', scores, total: 99 };
    const other = { candidate: 'b', scores: { accuracy: { score: 1 }, cites: { score: true } } };
    expect(check(each, { g: { grades: [grade, other] } }, data)).toEqual({
      value: {
        g: {
          grades: [
            { ...grade, total: 0.75 },
            { ...other, total: 0.25 },
          ],
        },
      },
    });
  });

  it('grades every candidate with each, one named candidate with one, and no candidate over text', () => {
    expect(check(each, { g: { grades: [{ candidate: 'a', scores }] } }, data)).toEqual({
      messages: ['g.grades: grade every candidate; missing "b"'],
    });
    expect(check(one, { g: { grades: [{ candidate: 'b', scores }] } }, data)).toHaveProperty('value');
    expect(check(one, { g: { grades: [{ scores }] } }, data).messages?.[0]).toMatch(
      /^g\.grades\[0\]\.candidate: unknown candidate nothing/,
    );
    expect(check(text, { g: { grades: [{ scores }] } }, data)).toEqual({
      value: { g: { grades: [{ scores, total: 0.75 }] } },
    });
    expect(check(text, { g: { grades: [{ candidate: 'a', scores }] } }, data).messages).toEqual([
      'g.grades[0].candidate: this rubric grades a text field: no candidate',
    ]);
  });

  it('names a score out of range, a wrong pass/fail, a missing score and an unknown criterion', () => {
    const bad = {
      candidate: 'a',
      scores: { accuracy: { score: 6 }, cites: { score: 'yes' }, tone: { score: 1 } },
    };
    expect(check(one, { g: { grades: [bad] } }, data).messages).toEqual([
      'g.grades[0].scores.tone: unknown criterion; the criteria are accuracy, cites',
      'g.grades[0].scores.accuracy.score: must be a whole number from 1 to 5, got 6',
      'g.grades[0].scores.cites.score: expected true (pass) or false (fail), got "yes"',
    ]);
    expect(
      check(one, { g: { grades: [{ candidate: 'a', scores: { accuracy: { score: 2 } } }] } }, data).messages,
    ).toEqual(['g.grades[0].scores.cites: a score is required']);
    expect(
      check(one, { g: { grades: [{ candidate: 'a', scores: { accuracy: { score: 2 } } }] } }, data, true),
    ).toEqual({
      value: { g: { grades: [{ candidate: 'a', scores: { accuracy: { score: 2 } }, total: 0.25 }] } },
    });
  });

  it('totals 0 when nothing is scored and stays within 0 and 1', () => {
    const c = [
      { name: 'a', scale: { min: -2, max: 2 }, weight: 0.5 },
      { name: 'b', scale: 'pass_fail' as const, weight: 2 },
    ];
    expect(rubricTotal(c, {})).toBe(0);
    expect(rubricTotal(c, { a: { score: 2 }, b: { score: true } })).toBe(1);
    expect(rubricTotal(c, { a: { score: 0 } })).toBe(0.5);
  });
});
