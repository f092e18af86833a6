import { describe, expect, it } from 'vitest';
import { adjudicationCommandFor } from './keys.ts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; altKey: boolean; metaKey: boolean; shiftKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('adjudication keys', () => {
  it('start from an annotator by number, only for annotators there are', () => {
    expect(adjudicationCommandFor(key('2'), 'other', { editing: false, answers: 3 })).toEqual({
      kind: 'startFrom',
      index: 1,
    });
    expect(adjudicationCommandFor(key('4'), 'other', { editing: false, answers: 3 })).toBeUndefined();
    expect(adjudicationCommandFor(key('1'), 'textarea', { editing: true, answers: 3 })).toBeUndefined();
  });

  it('record with Ctrl+Enter anywhere and Enter outside text boxes; Esc discards', () => {
    const editing = { editing: true, answers: 2 };
    expect(adjudicationCommandFor(key('Enter', { ctrlKey: true }), 'textarea', editing)).toEqual({
      kind: 'record',
    });
    expect(adjudicationCommandFor(key('Enter'), 'textarea', editing)).toBeUndefined();
    expect(adjudicationCommandFor(key('Enter'), 'other', editing)).toEqual({ kind: 'record' });
    expect(adjudicationCommandFor(key('Escape'), 'text-entry', editing)).toEqual({ kind: 'discard' });
    expect(adjudicationCommandFor(key('Enter'), 'other', { editing: false, answers: 2 })).toBeUndefined();
  });

  it('skip with S when nothing is started, never while typing or with Alt', () => {
    expect(adjudicationCommandFor(key('s'), 'other', { editing: false, answers: 2 })).toEqual({
      kind: 'skip',
    });
    expect(adjudicationCommandFor(key('s'), 'other', { editing: true, answers: 2 })).toBeUndefined();
    expect(adjudicationCommandFor(key('s'), 'text-entry', { editing: false, answers: 2 })).toBeUndefined();
    expect(
      adjudicationCommandFor(key('s', { altKey: true }), 'other', { editing: false, answers: 2 }),
    ).toBeUndefined();
  });
});
