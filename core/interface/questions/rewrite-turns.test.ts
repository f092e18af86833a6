import { describe, expect, it } from 'vitest';
import { parseInterface } from '../migrate.ts';
import { check } from '../testing.ts';
import { tutoringData as data, tutoringFields, tutoringWith } from './tutoring-fixture.ts';

describe('rewrite answers', () => {
  const edit = tutoringWith({ name: 'w', type: 'rewrite', field: 'pair', required: true });
  const scratch = tutoringWith({ name: 'w', type: 'rewrite' });

  it('keeps the text and the source candidate, or null from scratch', () => {
    expect(check(edit, { w: { text: 'Better.', source: 'b' } }, data)).toEqual({
      value: { w: { text: 'Better.', source: 'b' } },
    });
    expect(check(edit, { w: { text: 'Mine.', source: null } }, data)).toEqual({
      value: { w: { text: 'Mine.', source: null } },
    });
    expect(check(scratch, { w: { text: 'Mine.' } }, data)).toEqual({
      value: { w: { text: 'Mine.', source: null } },
    });
  });

  it('refuses an unknown source, a source without candidates, and blank text when required', () => {
    expect(check(edit, { w: { text: 'x', source: 'q' } }, data).messages?.[0]).toMatch(
      /^w\.source: unknown candidate "q"/,
    );
    expect(check(scratch, { w: { text: 'x', source: 'a' } }, data).messages).toEqual([
      'w.source: this question writes from scratch: source must be null',
    ]);
    expect(check(edit, { w: { text: '  ', source: 'a' } }, data).messages).toEqual([
      'w: an answer is required',
    ]);
  });
});

describe('turns answers', () => {
  const rate = tutoringWith({
    name: 't',
    type: 'turns',
    field: 'conv',
    rating: { min: 1, max: 3 },
    flags: ['rude', 'wrong'],
    rewrite: true,
  });

  it('marks assistant turns by index, sorted, flags in declared order', () => {
    expect(
      check(
        rate,
        {
          t: {
            turns: [
              { turn: 4, rating: 3, flags: ['wrong', 'rude'] },
              { turn: 2, rating: 1, rewrite: 'Hi.' },
            ],
          },
        },
        data,
      ),
    ).toEqual({
      value: {
        t: {
          turns: [
            { turn: 2, rating: 1, rewrite: 'Hi.' },
            { turn: 4, rating: 3, flags: ['rude', 'wrong'] },
          ],
        },
      },
    });
  });

  it('names a user turn, a rating off the scale, an unknown flag and unrated turns', () => {
    expect(check(rate, { t: { turns: [{ turn: 1, rating: 2 }] } }, data).messages).toEqual([
      't.turns[0].turn: must be the index of an assistant turn (2, 4), got 1',
    ]);
    expect(check(rate, { t: { turns: [{ turn: 2, rating: 4, flags: ['odd'] }] } }, data).messages).toEqual([
      't.turns[0].rating: must be a whole number from 1 to 3, got 4',
      't.turns[0].flags: unknown flag "odd"; the flags are rude, wrong',
    ]);
    expect(check(rate, { t: { turns: [{ turn: 2, rating: 2 }] } }, data).messages).toEqual([
      't.turns: rate every assistant turn; turn 4 is unrated',
    ]);
    expect(check(rate, { t: { turns: [{ turn: 2, rating: 2 }] } }, data, true)).toHaveProperty('value');
  });

  it('must ask something, of a chat field', () => {
    const bad = parseInterface({
      fields: tutoringFields,
      questions: [{ name: 't', type: 'turns', field: 'prompt' }],
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      'questions[0].rating: ask at least one of rating, flags or rewrite',
      'questions[0].field: field "prompt" is text; this question needs a chat field',
    ]);
  });
});
