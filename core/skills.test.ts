import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  effectiveLevel,
  lineage,
  mergeRequirements,
  satisfies,
  shortfalls,
  skillNameProblem,
} from './skills.ts';

const held = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('skill names', () => {
  it('accepts dotted lowercase names and refuses the rest with the reason', () => {
    for (const good of [
      'math',
      'math.algebra',
      'code.python',
      'lang.fr',
      'medicine.cardiology',
      'a-b.c_d.e1',
    ])
      expect(skillNameProblem(good)).toBeUndefined();
    expect(skillNameProblem('')).toBe('is empty');
    expect(skillNameProblem('Math')).toMatch(/lowercase/);
    expect(skillNameProblem('math..algebra')).toMatch(/lowercase/);
    expect(skillNameProblem('.math')).toMatch(/lowercase/);
    expect(skillNameProblem('math.')).toMatch(/lowercase/);
    expect(skillNameProblem('a.b.c.d.e.f.g')).toMatch(/more than 6 parts/);
    expect(skillNameProblem('x'.repeat(65))).toMatch(/longer than 64/);
  });
});

describe('the hierarchy rule', () => {
  it('lists a skill and its ancestors, most specific first', () => {
    expect(lineage('a.b.c')).toEqual(['a.b.c', 'a.b', 'a']);
    expect(lineage('a')).toEqual(['a']);
  });

  it('a parent covers its children at its level; a child says otherwise; a child never implies its parent', () => {
    const h = held({ math: 2, 'math.algebra': 1, 'code.python': 3 });
    expect(effectiveLevel(h, 'math')).toBe(2);
    expect(effectiveLevel(h, 'math.geometry')).toBe(2);
    expect(effectiveLevel(h, 'math.geometry.euclid')).toBe(2);
    expect(effectiveLevel(h, 'math.algebra')).toBe(1);
    expect(effectiveLevel(h, 'math.algebra.linear')).toBe(1);
    expect(effectiveLevel(h, 'code')).toBe(0);
    expect(effectiveLevel(h, 'code.python')).toBe(3);
    expect(effectiveLevel(h, 'mathematics')).toBe(0);
  });

  it('names every requirement missed, with the level held', () => {
    const h = held({ math: 2 });
    expect(shortfalls(h, { 'math.algebra': 3, physics: 1, math: 1 })).toEqual([
      { skill: 'math.algebra', required: 3, held: 2 },
      { skill: 'physics', required: 1, held: 0 },
    ]);
    expect(satisfies(h, { 'math.algebra': 2 })).toBe(true);
    expect(satisfies(h, {})).toBe(true);
  });

  it('merged requirements ask the higher level of each skill, in one canonical order', () => {
    expect(mergeRequirements({ physics: 1, math: 2 }, { math: 3 }, null)).toEqual({ math: 3, physics: 1 });
    expect(JSON.stringify(mergeRequirements({ b: 1, a: 1 }))).toBe('{"a":1,"b":1}');
  });

  it('meeting merged requirements is meeting each of them (property)', () => {
    const names = fc.constantFrom('a', 'a.b', 'a.c', 'b', 'b.x.y');
    const set = fc.dictionary(names, fc.integer({ min: 1, max: 3 }));
    fc.assert(
      fc.property(set, set, set, (h, r1, r2) => {
        const m = held(h);
        expect(satisfies(m, mergeRequirements(r1, r2))).toBe(satisfies(m, r1) && satisfies(m, r2));
      }),
    );
  });
});
