import { describe, expect, it } from 'vitest';
import { validateItemData } from '../item-data.ts';
import { parseInterface } from '../migrate.ts';
import { check } from '../testing.ts';
import { pairwiseLabels } from './pairwise.ts';
import { tutoringData as data, tutoringFields, tutoringWith } from './tutoring-fixture.ts';

const iface = tutoringWith({
  name: 'pref',
  type: 'pairwise',
  field: 'pair',
  criteria: [{ name: 'correctness' }, { name: 'clarity' }],
  requireJustificationFrom: 2,
});
const crit = { correctness: { preferred: 'a', strength: 3 }, clarity: { preferred: null, strength: 0 } };

describe('pairwise answers', () => {
  it('accepts a preference by candidate id, a tie, and keeps criteria', () => {
    expect(check(iface, { pref: { preferred: 'a', strength: 1, criteria: crit } }, data)).toEqual({
      value: { pref: { preferred: 'a', strength: 1, criteria: crit } },
    });
    expect(check(iface, { pref: { preferred: null, strength: 0, criteria: crit } }, data)).toEqual({
      value: { pref: { preferred: null, strength: 0, criteria: crit } },
    });
  });

  it('refuses a side instead of an id, a strength off the scale, and a tie with strength', () => {
    expect(check(iface, { pref: { preferred: 'A', strength: 1, criteria: crit } }, data)).toEqual({
      messages: ['pref.preferred: unknown candidate "A"; the item\'s candidates are "a", "b"'],
    });
    expect(check(iface, { pref: { preferred: 'a', strength: 4, criteria: crit } }, data).messages?.[0]).toBe(
      'pref.strength: must be a whole number from 0 to 3, got 4',
    );
    expect(check(iface, { pref: { preferred: null, strength: 2, criteria: crit } }, data).messages?.[0]).toBe(
      'pref.strength: a tie (preferred null) has strength 0',
    );
    expect(check(iface, { pref: { preferred: 'b', strength: 0, criteria: crit } }, data).messages?.[0]).toBe(
      'pref.strength: strength 0 is a tie: preferred must be null',
    );
  });

  it('requires a justification from the set strength, and every criterion, on submit only', () => {
    expect(check(iface, { pref: { preferred: 'b', strength: 2, criteria: crit } }, data)).toEqual({
      messages: ['pref.justification: a justification is required for a preference of strength 2'],
    });
    expect(
      check(
        iface,
        { pref: { preferred: 'b', strength: 2, justification: 'b proves it', criteria: crit } },
        data,
      ),
    ).toHaveProperty('value');
    expect(check(iface, { pref: { preferred: 'b', strength: 1 } }, data)).toEqual({
      messages: [
        'pref.criteria.correctness: choose a preference for this criterion',
        'pref.criteria.clarity: choose a preference for this criterion',
      ],
    });
    expect(check(iface, { pref: { criteria: { clarity: crit.clarity } } }, data, true)).toEqual({
      value: { pref: { criteria: { clarity: crit.clarity } } },
    });
  });

  it('names unknown criteria and properties', () => {
    const r = check(
      iface,
      { pref: { preferred: 'a', strength: 1, criteria: { ...crit, style: crit.clarity }, side: 'A' } },
      data,
    );
    expect(r.messages).toEqual([
      'pref.side: unknown property; a pairwise answer has preferred, strength, justification and criteria',
      "pref.criteria.style: unknown criterion; the question's criteria are correctness, clarity",
    ]);
  });

  it('needs an item with exactly two candidates', () => {
    const three = tutoringWith({ name: 'p', type: 'pairwise', field: 'four' });
    expect(validateItemData(three, data).map((e) => e.message)).toEqual([
      'data.four: question "p" compares exactly 2 candidates; the item has 4',
    ]);
  });

  it('checks the scale, labels and field at definition', () => {
    const bad = parseInterface({
      fields: tutoringFields,
      questions: [
        {
          name: 'p',
          type: 'pairwise',
          field: 'prompt',
          scale: 5,
          labels: ['x'],
          requireJustificationFrom: 3,
        },
      ],
    });
    expect(bad.ok ? [] : bad.errors.map((e) => e.message)).toEqual([
      'questions[0].labels: must have 5 labels, one per point of the scale; got 1',
      'questions[0].requireJustificationFrom: must be at most 2 on a 5-point scale',
      'questions[0].field: field "prompt" is text; this question needs a responses field',
    ]);
    expect(pairwiseLabels({ scale: 5 })).toEqual([
      'A much better',
      'A better',
      'About the same',
      'B better',
      'B much better',
    ]);
    expect(pairwiseLabels({ scale: 7 })).toHaveLength(7);
  });
});
