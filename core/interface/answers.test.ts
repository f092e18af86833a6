import { describe, expect, it } from 'vitest';
import { validateAnswers } from './answers.ts';
import { migrateInterface } from './migrate.ts';
import { check, exampleInterface } from './testing.ts';

const iface = migrateInterface(exampleInterface);
const data = { text: 'Pythagoras theorem', source: 'book' };

describe('validateAnswers', () => {
  it('returns normalised answers in question order without unanswered ones', () => {
    const answers = {
      comment: 'ok',
      flags: ['pii', 'unsafe'],
      topic: 'geometry',
      steps: null,
      entities: [
        { start: 11, end: 18, label: 'THEOREM' },
        { start: 0, end: 10, label: 'DEFINITION', text: 'Pythagoras' },
      ],
    };
    expect(check(iface, answers, data)).toEqual({
      value: {
        topic: 'geometry',
        flags: ['unsafe', 'pii'],
        entities: [
          { start: 0, end: 10, label: 'DEFINITION' },
          { start: 11, end: 18, label: 'THEOREM' },
        ],
        comment: 'ok',
      },
    });
  });

  it('reports unknown questions', () => {
    expect(validateAnswers(iface, { topic: 'other', x: 1 }, data, { partial: false })).toEqual({
      ok: false,
      errors: [{ path: 'x', message: "x: unknown question 'x'" }],
    });
  });

  it('requires required answers on submit, treating null as unanswered', () => {
    expect(check(iface, {}, data)).toEqual({ messages: ['topic: an answer is required'] });
    expect(check(iface, { topic: null }, data)).toEqual({ messages: ['topic: an answer is required'] });
  });

  it('lets a draft leave required questions unanswered but checks what is given', () => {
    expect(check(iface, {}, data, true)).toEqual({ value: {} });
    expect(check(iface, { difficulty: 9 }, data, true)).toEqual({
      messages: ['difficulty: 9 is above the maximum 5'],
    });
  });

  it('reports every problem at once', () => {
    expect(check(iface, { topic: 'foo', difficulty: 0, steps: 'x' }, data)).toEqual({
      messages: [
        'topic: "foo" is not one of the options algebra, geometry, other',
        'difficulty: 0 is below the minimum 1',
        'steps: expected a number, got "x"',
      ],
    });
  });

  it('refuses answers that are not an object', () => {
    expect(validateAnswers(iface, [], data, { partial: true })).toEqual({
      ok: false,
      errors: [{ path: '', message: 'answers: must be a JSON object, got an array' }],
    });
  });

  it('does not read answers from the object prototype', () => {
    const ctorIface = migrateInterface({
      fields: [],
      questions: [{ name: 'constructor', type: 'text', required: true }],
    });
    expect(check(ctorIface, {}, {})).toEqual({ messages: ['constructor: an answer is required'] });
  });
});
