import { describe, expect, it } from 'vitest';
import { validateItemData } from '../item-data.ts';
import { check } from '../testing.ts';
import { splitSteps } from './steps-split.ts';
import { tutoringData as data, tutoringWith } from './tutoring-fixture.ts';

const paragraphs = tutoringWith({ name: 's', type: 'steps', field: 'pair' });
const ok = { verdict: 'correct' };

describe('steps answers', () => {
  it('marks each step of the chosen candidate and computes the first error', () => {
    const marks = [
      ok,
      { verdict: 'incorrect', correction: 'p² = 2q² needs p even first' },
      { verdict: 'unverifiable' },
    ];
    expect(check(paragraphs, { s: { candidate: 'a', steps: marks } }, data)).toEqual({
      value: { s: { candidate: 'a', steps: marks, firstError: 1 } },
    });
    expect(check(paragraphs, { s: { candidate: 'a', steps: [ok, ok, ok] } }, data)).toEqual({
      value: { s: { candidate: 'a', steps: [ok, ok, ok], firstError: null } },
    });
  });

  it('requires a correction for the first incorrect step only, and every step marked', () => {
    const marks = [ok, { verdict: 'incorrect' }, { verdict: 'incorrect' }];
    expect(check(paragraphs, { s: { candidate: 'a', steps: marks } }, data).messages).toEqual([
      's.steps[1].correction: step 2 is the first incorrect step: write its correction',
    ]);
    expect(check(paragraphs, { s: { candidate: 'a', steps: [ok] } }, data).messages).toEqual([
      's.steps: mark every step; steps 2, 3 are unmarked',
    ]);
    expect(
      check(paragraphs, { s: { candidate: 'a', steps: [ok, null, { verdict: 'incorrect' }] } }, data, true),
    ).toEqual({
      value: { s: { candidate: 'a', steps: [ok, null, { verdict: 'incorrect' }], firstError: 2 } },
    });
  });

  it('names a bad verdict, too many marks and an unknown candidate', () => {
    expect(
      check(paragraphs, { s: { candidate: 'a', steps: [ok, { verdict: 'wrong' }, ok] } }, data).messages,
    ).toEqual(['s.steps[1].verdict: must be correct, incorrect or unverifiable, got "wrong"']);
    expect(check(paragraphs, { s: { candidate: 'b', steps: [ok, ok] } }, data).messages).toEqual([
      's.steps: has 2 marks but the response has 1 steps',
    ]);
    expect(check(paragraphs, { s: { candidate: 'c', steps: [] } }, data).messages?.[0]).toMatch(
      /^s\.candidate: unknown candidate "c"/,
    );
  });

  it('uses given steps and requires them on every candidate', () => {
    const given = tutoringWith({ name: 's', type: 'steps', field: 'four', split: 'given' });
    expect(check(given, { s: { candidate: 'y', steps: [ok, ok] } }, data)).toHaveProperty('value');
    expect(validateItemData(given, data).map((e) => e.message)).toEqual([
      'data.four: question "s" checks given steps; candidate "w" has no steps list',
    ]);
    const text = tutoringWith({
      name: 's',
      type: 'steps',
      field: 'prompt',
      split: 'given',
      stepsKey: 'proof',
    });
    expect(check(text, { s: { steps: [ok] } }, { ...data, proof: ['only step'] })).toHaveProperty('value');
    expect(validateItemData(text, data).map((e) => e.message)).toEqual([
      'data.proof: question "s" checks given steps: a list of strings is needed here',
    ]);
  });

  it('splits by paragraphs and by lines, trimming and dropping blanks', () => {
    expect(splitSteps('a\n\n  b\r\n \r\nc\n', 'paragraphs')).toEqual(['a', 'b', 'c']);
    expect(splitSteps('a\nb\n\n c ', 'lines')).toEqual(['a', 'b', 'c']);
    expect(splitSteps('line one\nline two\n\nnext', 'paragraphs')).toEqual(['line one\nline two', 'next']);
  });
});
