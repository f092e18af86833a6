import { describe, expect, it } from 'vitest';
import {
  caretOf,
  initialSpanTool,
  type SpanToolContext,
  type SpanToolEvent,
  selectionOf,
  transition,
} from './machine.ts';
import { texTokens } from './tex-tokens.ts';
import { indexText } from './text-index.ts';

const run = (events: SpanToolEvent[], context?: SpanToolContext) => {
  let state = initialSpanTool;
  const plans = [];
  for (const e of events) {
    const r = transition(state, e, context);
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

describe('span tool over Markdown with maths', () => {
  const text = 'Let $x^2 + \\frac{1}{2}$ be positive.';
  const context = { tex: texTokens(indexText(text)) };
  const at = (s: string) => text.indexOf(s);
  const chosen = (events: SpanToolEvent[], ctx: SpanToolContext | undefined = context) => {
    const r = selectionOf(run(events, ctx).state);
    return r && text.slice(r.start, r.end);
  };

  it('selects the whole formula on a double-click inside it', () => {
    const x = at('x^2');
    const up: SpanToolEvent = { type: 'pointerUp', range: { start: x, end: x + 1 }, at: x + 1, clicks: 2 };
    expect(chosen([{ type: 'pointerDown', at: x }, up])).toBe('$x^2 + \\frac{1}{2}$');
  });

  it('selects the formula on a double-click that left no selection', () => {
    const up: SpanToolEvent = { type: 'pointerUp', range: undefined, at: at(' + '), clicks: 2 };
    expect(chosen([up])).toBe('$x^2 + \\frac{1}{2}$');
  });

  it('widens a dragged selection that leaves a formula to all of it', () => {
    const up: SpanToolEvent = {
      type: 'pointerUp',
      range: { start: at('frac') + 1, end: at(' be') + 3 },
      at: 0,
    };
    expect(chosen([up])).toBe('$x^2 + \\frac{1}{2}$ be');
  });

  it('keeps a click without a selection a caret', () => {
    const up: SpanToolEvent = { type: 'pointerUp', range: undefined, at: at('x^2') };
    expect(run([up], context).state).toEqual({ kind: 'idle', caret: at('x^2') });
  });

  it('leaves keyboard selections and plain texts as they are', () => {
    const keys: SpanToolEvent[] = [
      { type: 'move', to: at('x^2'), extend: false },
      { type: 'move', to: at('^2'), extend: true },
    ];
    expect(chosen(keys)).toBe('x');
    const x = at('x^2');
    const up: SpanToolEvent = { type: 'pointerUp', range: { start: x, end: x + 1 }, at: x + 1, clicks: 2 };
    expect(chosen([up], {})).toBe('x');
  });
});
