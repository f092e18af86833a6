import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo } from './history.ts';

describe('answer history', () => {
  it('undoes and redoes answer changes in order', () => {
    let h = startHistory<Record<string, unknown>>({});
    h = record(h, { topic: 'a' }, { key: 'topic', at: 0, coalesce: false });
    h = record(h, { topic: 'b' }, { key: 'topic', at: 10, coalesce: false });
    h = undo(h);
    expect(h.present).toEqual({ topic: 'a' });
    h = undo(h);
    expect(h.present).toEqual({});
    expect(undo(h)).toBe(h);
    expect(redo(redo(h)).present).toEqual({ topic: 'b' });
  });

  it('treats quick typing in one text box as one step', () => {
    let h = startHistory('');
    for (const [i, v] of ['h', 'he', 'hel'].entries())
      h = record(h, v, { key: 'c', at: i * 100, coalesce: true });
    h = record(h, 'help', { key: 'c', at: 5000, coalesce: true });
    expect(undo(h).present).toBe('hel');
    expect(undo(undo(h)).present).toBe('');
  });

  it('drops the redo branch after a new change', () => {
    let h = record(startHistory(0), 1, { key: 'x', at: 0, coalesce: false });
    h = record(undo(h), 2, { key: 'x', at: 1, coalesce: false });
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
  });
});
