import { describe, expect, it } from 'vitest';
import { migrateInterface } from '../../../core/interface/index.ts';
import { applyDigit, commandFor, digitOf, digitQuestion } from './keymap.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

const iface = migrateInterface({
  fields: [{ name: 'text', type: 'text' }],
  questions: [
    { name: 'comment', type: 'text' },
    { name: 'topic', type: 'choice', options: ['a', 'b', 'c'] },
    { name: 'flags', type: 'multi_choice', options: ['x', 'y'] },
    { name: 'score', type: 'rating', min: 1, max: 5 },
  ],
});

describe('keyboard map', () => {
  it('submits on Enter except on buttons and in text areas, and on Ctrl/Cmd+Enter everywhere', () => {
    expect(commandFor(key('Enter'), 'other')).toBe('submit');
    expect(commandFor(key('Enter'), 'choice')).toBe('submit');
    expect(commandFor(key('Enter'), 'control')).toBeUndefined();
    expect(commandFor(key('Enter'), 'textarea')).toBeUndefined();
    expect(commandFor(key('Enter', { ctrlKey: true }), 'textarea')).toBe('submit');
    expect(commandFor(key('Enter', { metaKey: true }), 'textarea')).toBe('submit');
  });

  it('opens the previous item on P, but not while typing or with a modifier', () => {
    expect(commandFor(key('p'), 'other')).toBe('previous');
    expect(commandFor(key('P', { shiftKey: true }), 'choice')).toBe('previous');
    expect(commandFor(key('p'), 'text-entry')).toBeUndefined();
    expect(commandFor(key('p', { ctrlKey: true }), 'other')).toBeUndefined();
  });

  it('skips on S and opens help on ? but not while typing', () => {
    expect(commandFor(key('s'), 'other')).toBe('skip');
    expect(commandFor(key('S', { shiftKey: true }), 'choice')).toBe('skip');
    expect(commandFor(key('s'), 'text-entry')).toBeUndefined();
    expect(commandFor(key('?', { shiftKey: true }), 'other')).toBe('help');
    expect(commandFor(key('s', { ctrlKey: true }), 'other')).toBeUndefined();
  });

  it('undoes on Ctrl/Cmd+Z and redoes with Shift or Y', () => {
    expect(commandFor(key('z', { ctrlKey: true }), 'text-entry')).toBe('undo');
    expect(commandFor(key('Z', { metaKey: true, shiftKey: true }), 'other')).toBe('redo');
    expect(commandFor(key('y', { ctrlKey: true }), 'other')).toBe('redo');
  });

  it('reads digits only outside text boxes', () => {
    expect(digitOf(key('3'), 'other')).toBe(3);
    expect(digitOf(key('3'), 'text-entry')).toBeUndefined();
    expect(digitOf(key('0'), 'other')).toBeUndefined();
  });

  it('sends digits to the focused question with options, else the first', () => {
    expect(digitQuestion(iface, undefined)?.name).toBe('topic');
    expect(digitQuestion(iface, 'comment')?.name).toBe('topic');
    expect(digitQuestion(iface, 'score')?.name).toBe('score');
  });

  it('picks, toggles and rates by digit', () => {
    const [, topic, flags, score] = iface.questions;
    expect(applyDigit(topic!, undefined, 2)).toBe('b');
    expect(applyDigit(topic!, 'b', 4)).toBeUndefined();
    expect(applyDigit(flags!, ['y'], 1)).toEqual(['x', 'y']);
    expect(applyDigit(flags!, ['x', 'y'], 1)).toEqual(['y']);
    expect(applyDigit(score!, undefined, 5)).toBe(5);
  });
});

describe('digits on a pairwise question', () => {
  const pairIface = migrateInterface({
    fields: [{ name: 'pair', type: 'responses' }],
    questions: [
      { name: 'note', type: 'text' },
      { name: 'better', type: 'pairwise', field: 'pair', scale: 5 },
      { name: 'topic', type: 'choice', options: ['a', 'b'] },
    ],
  });
  const better = pairIface.questions[1]!;

  it('make it the digit target before a later question with options', () => {
    expect(digitQuestion(pairIface, undefined)?.name).toBe('better');
    expect(digitQuestion(pairIface, 'topic')?.name).toBe('topic');
  });

  it('pick a point naming the candidate shown on that side, and nothing past the scale', () => {
    expect(applyDigit(better, undefined, 1, ['y', 'x'])).toEqual({ preferred: 'y', strength: 2 });
    expect(applyDigit(better, undefined, 5, ['y', 'x'])).toEqual({ preferred: 'x', strength: 2 });
    expect(applyDigit(better, undefined, 3, ['y', 'x'])).toEqual({ preferred: null, strength: 0 });
    expect(applyDigit(better, undefined, 6, ['y', 'x'])).toBeUndefined();
  });
});
