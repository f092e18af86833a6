import { describe, expect, it } from 'vitest';
import { parseRequirements, requirementsText } from './skills-text.ts';

describe('required skills as typed', () => {
  it('reads names with levels, a name alone at level 1, and writes them back', () => {
    const parsed = parseRequirements(' math.algebra:2,\nphysics , code.python: 3 ');
    expect(parsed).toEqual({ ok: true, value: { 'math.algebra': 2, physics: 1, 'code.python': 3 } });
    expect(requirementsText({ 'math.algebra': 2, physics: 1 })).toBe('math.algebra:2, physics:1');
    expect(parseRequirements('')).toEqual({ ok: true, value: {} });
  });

  it('names the part that is wrong', () => {
    expect(parseRequirements('math:4')).toEqual({
      ok: false,
      message: '"math:4": write the level after a colon, 1, 2 or 3.',
    });
    expect(parseRequirements('Math:2')).toMatchObject({
      ok: false,
      message: expect.stringContaining('"Math"'),
    });
    expect(parseRequirements('math:1, math:2')).toEqual({ ok: false, message: '"math" appears twice.' });
  });
});
