import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  digitAnswer,
  justificationRequired,
  pointOf,
  preferenceAt,
  readPairwise,
  withCriterion,
  withJustification,
  withOverall,
} from './scale.ts';

const pair = ['left', 'right'];

describe('the scale', () => {
  it('maps the seven points to preferences naming the candidate shown on that side', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((p) => preferenceAt(p, pair, 7))).toEqual([
      { preferred: 'left', strength: 3 },
      { preferred: 'left', strength: 2 },
      { preferred: 'left', strength: 1 },
      { preferred: null, strength: 0 },
      { preferred: 'right', strength: 1 },
      { preferred: 'right', strength: 2 },
      { preferred: 'right', strength: 3 },
    ]);
  });

  it('reads the same answer at the mirrored point when the pair was shown the other way round', () => {
    const answer = { preferred: 'left', strength: 2 };
    expect(pointOf(answer, ['left', 'right'], 7)).toBe(1);
    expect(pointOf(answer, ['right', 'left'], 7)).toBe(5);
  });

  it('round-trips every point on every scale, whichever order the pair is in', () => {
    fc.assert(
      fc.property(fc.constantFrom(3, 5, 7), fc.nat(6), fc.boolean(), (scale, p, flip) => {
        const point = p % scale;
        const ids = flip ? ['b', 'a'] : ['a', 'b'];
        expect(pointOf(preferenceAt(point, ids, scale), ids, scale)).toBe(point);
      }),
    );
  });

  it('finds no point for a preference it cannot place', () => {
    expect(pointOf(undefined, pair, 7)).toBeUndefined();
    expect(pointOf({ preferred: 'other', strength: 1 }, pair, 7)).toBeUndefined();
    expect(pointOf({ preferred: 'left', strength: 0 }, pair, 7)).toBeUndefined();
    expect(pointOf({ preferred: null, strength: 2 }, pair, 7)).toBeUndefined();
    expect(pointOf({ preferred: 'left', strength: 3 }, pair, 5)).toBeUndefined();
  });
});

describe('the draft', () => {
  it('keeps the justification and criteria when the overall choice changes', () => {
    const d = { justification: 'why', criteria: { safety: { preferred: null, strength: 0 } } };
    expect(withOverall(d, { preferred: 'left', strength: 1 })).toEqual({
      preferred: 'left',
      strength: 1,
      ...d,
    });
  });

  it('becomes null (unanswered) when its last part is cleared', () => {
    expect(withJustification({ justification: 'x' }, '')).toBeNull();
    expect(withOverall({ preferred: null, strength: 0 }, undefined)).toBeNull();
    expect(withCriterion({ criteria: { a: { preferred: null, strength: 0 } } }, 'a', undefined)).toBeNull();
  });

  it('sets one criterion without touching the others', () => {
    const d = withCriterion({ criteria: { a: { preferred: null, strength: 0 } } }, 'b', {
      preferred: 'right',
      strength: 2,
    });
    expect(d).toEqual({
      criteria: { a: { preferred: null, strength: 0 }, b: { preferred: 'right', strength: 2 } },
    });
  });

  it('reads only what it recognises from a stored answer', () => {
    expect(readPairwise({ preferred: 'a', strength: 2, extra: 1 })).toEqual({ preferred: 'a', strength: 2 });
    expect(readPairwise('nonsense')).toEqual({});
  });
});

describe('the justification', () => {
  it('is required from the configured strength, never without one', () => {
    expect(justificationRequired(2, { preferred: 'a', strength: 2 })).toBe(true);
    expect(justificationRequired(2, { preferred: 'a', strength: 1 })).toBe(false);
    expect(justificationRequired(0, { preferred: null, strength: 0 })).toBe(true);
    expect(justificationRequired(0, {})).toBe(false);
    expect(justificationRequired(undefined, { preferred: 'a', strength: 3 })).toBe(false);
  });
});

describe('digits', () => {
  it('pick the overall point, keeping the rest of the answer', () => {
    expect(digitAnswer({ justification: 'j' }, 1, pair, 7)).toEqual({
      preferred: 'left',
      strength: 3,
      justification: 'j',
    });
    expect(digitAnswer(undefined, 4, pair, 7)).toEqual({ preferred: null, strength: 0 });
  });

  it('pick nothing past the scale', () => {
    expect(digitAnswer(undefined, 6, pair, 5)).toBeUndefined();
  });
});
