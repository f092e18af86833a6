import { describe, expect, it } from 'vitest';
import { caretOf, initialSpanTool, type SpanToolEvent, selectionOf, transition } from './machine.ts';

const run = (events: SpanToolEvent[]) => {
  let state = initialSpanTool;
  const plans = [];
  for (const e of events) {
    const r = transition(state, e);
    state = r.state;
    if (r.plan) plans.push(r.plan);
  }
  return { state, plans };
};

describe('span tool state machine', () => {
  it('selects with Shift+Arrow and creates the span on a label key', () => {
    const { state, plans } = run([
      { type: 'move', to: 2, extend: false },
      { type: 'move', to: 3, extend: true },
      { type: 'move', to: 6, extend: true },
      { type: 'label', label: 'PER' },
    ]);
    expect(plans).toEqual([{ type: 'create', start: 2, end: 6, label: 'PER' }]);
    expect(state).toEqual({ kind: 'idle', caret: 6 });
  });

  it('orders a selection made leftwards', () => {
    const { state } = run([
      { type: 'move', to: 5, extend: false },
      { type: 'move', to: 1, extend: true },
    ]);
    expect(selectionOf(state)).toEqual({ start: 1, end: 5 });
    expect(caretOf(state)).toBe(1);
  });

  it('ignores a label key when nothing is selected', () => {
    expect(
      run([
        { type: 'move', to: 3, extend: false },
        { type: 'label', label: 'X' },
      ]).plans,
    ).toEqual([]);
  });

  it('waits for a label after a mouse selection and cancels on Escape', () => {
    const down: SpanToolEvent = { type: 'pointerDown', at: 4 };
    const up: SpanToolEvent = { type: 'pointerUp', range: { start: 4, end: 9 }, at: 9 };
    expect(run([down, up]).state).toEqual({ kind: 'labelling', start: 4, end: 9 });
    expect(run([down, up, { type: 'cancel' }]).state).toEqual({ kind: 'idle', caret: 9 });
    expect(run([down, up, { type: 'label', label: 'L' }]).plans).toEqual([
      { type: 'create', start: 4, end: 9, label: 'L' },
    ]);
  });

  it('treats a click without a selection as placing the caret', () => {
    const r = run([
      { type: 'pointerDown', at: 4 },
      { type: 'pointerUp', range: undefined, at: 7 },
    ]);
    expect(r.state).toEqual({ kind: 'idle', caret: 7 });
  });

  it('extends a mouse selection with Shift+Arrow from its start', () => {
    const r = run([
      { type: 'pointerDown', at: 4 },
      { type: 'pointerUp', range: { start: 4, end: 9 }, at: 9 },
      { type: 'move', to: 10, extend: true },
    ]);
    expect(selectionOf(r.state)).toEqual({ start: 4, end: 10 });
  });

  it('accepts a selection made without a pointer press (double-click, assistive tech)', () => {
    const r = run([{ type: 'pointerUp', range: { start: 2, end: 5 }, at: 5 }]);
    expect(r.state).toEqual({ kind: 'labelling', start: 2, end: 5 });
  });
});
