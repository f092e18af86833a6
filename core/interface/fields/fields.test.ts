import { describe, expect, it } from 'vitest';
import { validateItemData } from '../item-data.ts';
import { tutoringData, tutoringWith } from '../questions/tutoring-fixture.ts';

const iface = tutoringWith({ name: 'c', type: 'text' });
const errors = (patch: Record<string, unknown>) =>
  validateItemData(iface, { ...tutoringData, ...patch }).map((e) => e.message);

describe('chat and responses values', () => {
  it('accepts a conversation and 2-16 candidates', () => {
    expect(errors({})).toEqual([]);
  });

  it('names the turn of an unknown role, a missing content and an extra key', () => {
    expect(
      errors({
        conv: [
          { role: 'user', content: 'a' },
          { role: 'bot', content: 'b' },
        ],
      }),
    ).toEqual(['data.conv: turn 2: unknown role "bot"; expected system, user or assistant']);
    expect(errors({ conv: [{ role: 'user' }] })).toEqual([
      'data.conv: turn 1: content must be a string, got nothing',
    ]);
    expect(errors({ conv: [{ role: 'user', content: 'a', name: 'x' }] })).toEqual([
      'data.conv: turn 1: unknown property "name"; a turn has role and content',
    ]);
    expect(errors({ conv: [] })).toEqual(['data.conv: must have at least one turn']);
  });

  it('names a single candidate, a repeated id and a bad model', () => {
    expect(errors({ pair: [{ id: 'a', content: 'x' }] })).toEqual([
      'data.pair: has 1 candidate; between 2 and 16 are needed',
    ]);
    expect(
      errors({
        pair: [
          { id: 'a', content: 'x' },
          { id: 'a', content: 'y' },
        ],
      }),
    ).toEqual(['data.pair: candidate 2 (id "a"): id repeats candidate 1']);
    expect(
      errors({
        pair: [
          { id: 'a', content: 'x', model: 3 },
          { id: 'b', content: 'y' },
        ],
      }),
    ).toEqual(['data.pair: candidate 1 (id "a"): model must be a string, got 3']);
    expect(errors({ pair: Array.from({ length: 17 }, (_, i) => ({ id: `c${i}`, content: '' })) })).toEqual([
      'data.pair: has 17 candidates; between 2 and 16 are needed',
    ]);
  });
});
