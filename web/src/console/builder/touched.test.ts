import { describe, expect, it } from 'vitest';
import { controlId } from '../pathErrors.ts';
import { controlFor, describePath, pathAncestors, visibleErrors } from './touched.ts';

const errors = [
  { path: 'name', message: 'Give the project a name.' },
  { path: 'questions[0].name', message: 'must be an identifier' },
  { path: 'questions[0].options[2]', message: 'duplicate option "a" (also [0])' },
  { path: 'questions', message: 'must have at least one question' },
  { path: 'fields[1].label', message: 'too long' },
];
const shown = (touched: string[], submitted = false) =>
  visibleErrors(errors, new Set(touched), submitted).map((e) => e.path);

describe('which problems a form shows', () => {
  it('shows none before anything is touched or submitted', () => {
    expect(shown([])).toEqual([]);
  });

  it('shows every problem once submitted, touched or not', () => {
    expect(shown([], true)).toEqual(errors.map((e) => e.path));
  });

  it("shows an input's problems once it was left, and no other input's", () => {
    expect(shown(['name'])).toEqual(['name']);
    expect(shown(['fields[1].label'])).toEqual(['fields[1].label']);
    expect(shown(['fields[0].label'])).toEqual([]);
  });

  it("shows a list entry's problem once the list's box was left", () => {
    expect(shown(['questions[0].options'])).toEqual(['questions[0].options[2]', 'questions']);
  });

  it('shows a problem about a whole list once one of its inputs was left', () => {
    expect(shown(['questions[0].name'])).toEqual(['questions[0].name', 'questions']);
  });

  it('shows all of them once the whole interface (the JSON box, path "") was left', () => {
    expect(shown([''])).toEqual(errors.map((e) => e.path));
  });

  it('does not take a name for the start of a longer one', () => {
    expect(
      visibleErrors([{ path: 'questions[10].name', message: 'x' }], new Set(['questions[1]']), false),
    ).toEqual([]);
  });
});

describe('paths', () => {
  it('lists a path and every path around it, innermost first', () => {
    expect(pathAncestors('questions[0].options[2]')).toEqual([
      'questions[0].options[2]',
      'questions[0].options',
      'questions[0]',
      'questions',
      '',
    ]);
    expect(pathAncestors('name')).toEqual(['name', '']);
    expect(pathAncestors('')).toEqual(['']);
  });

  it('gives every input an id of its own', () => {
    const ids = [
      '',
      'name',
      'fields[0].name',
      'fields[0].label',
      'questions[0].name',
      'questions[10].name',
    ].map(controlId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z][A-Za-z0-9_-]*$/);
  });

  it("finds a problem's input, or the nearest one around it", () => {
    const onScreen = new Set([controlId('questions[0].options'), controlId('name')]);
    const byId = (id: string) => (onScreen.has(id) ? id : null);
    expect(controlFor('questions[0].options[2]', byId)).toBe(controlId('questions[0].options'));
    expect(controlFor('name', byId)).toBe(controlId('name'));
    expect(controlFor('fields[0].name', byId)).toBeNull();
  });

  it('names where a problem is in words', () => {
    expect(describePath('questions[1].options[0]')).toBe('Question 2, options[0]');
    expect(describePath('fields[0]')).toBe('Field 1');
    expect(describePath('questions[0].criteria[2].scale.max')).toBe('Question 1, criterion 3, scale.max');
    expect(describePath('questions[0].criteria[0]')).toBe('Question 1, criterion 1');
    expect(describePath('questions[0].criteria')).toBe('Question 1, criteria');
    expect(describePath('lockTtlSeconds')).toBe('Lock time');
    expect(describePath('')).toBe('Interface');
  });
});
