import { describe, expect, it } from 'vitest';
import { bracket, DRAG_PX, type DragEvent, type DragPlan, idle, pendingPlan, transition } from './machine.ts';
import type { Segment } from './regions.ts';

const segs: Segment[] = [{ start: 1, end: 2 }];
const run = (events: DragEvent[]) => {
  let state = idle;
  const plans: DragPlan[] = [];
  for (const e of events) {
    const r = transition(state, e, segs);
    state = r.state;
    if (r.plan) plans.push(r.plan);
  }
  return { state, plans };
};

describe('region tool state machine', () => {
  it('turns a press without a drag into a click that selects what it hit', () => {
    const onEmpty = run([
      { type: 'down', t: 3, x: 300, hit: { kind: 'empty' } },
      { type: 'move', t: 3.01, x: 301 },
      { type: 'up', t: 3.01, x: 301 },
    ]);
    expect(onEmpty.plans).toEqual([{ type: 'click', t: 3, index: undefined }]);
    const onRegion = run([
      { type: 'down', t: 1.5, x: 150, hit: { kind: 'body', index: 0 } },
      { type: 'up', t: 1.5, x: 150 },
    ]);
    expect(onRegion.plans).toEqual([{ type: 'click', t: 1.5, index: 0 }]);
  });

  it('becomes a drag once the pointer has moved DRAG_PX (3 px)', () => {
    expect(DRAG_PX).toBe(3);
    const press = (dx: number) =>
      run([
        { type: 'down', t: 3, x: 300, hit: { kind: 'empty' } },
        { type: 'move', t: 3 + dx / 100, x: 300 + dx },
        { type: 'up', t: 3 + dx / 100, x: 300 + dx },
      ]).plans.map((p) => p.type);
    expect(press(2)).toEqual(['click']);
    expect(press(3)).not.toContain('click');
  });

  it('creates by dragging on empty waveform, previewing the region on the way', () => {
    const during = run([
      { type: 'down', t: 3, x: 300, hit: { kind: 'empty' } },
      { type: 'move', t: 3.5, x: 350 },
    ]);
    expect(pendingPlan(during.state)).toEqual({ type: 'create', anchor: 3, to: 3.5 });
    const done = transition(during.state, { type: 'up', t: 4, x: 400 }, segs);
    expect(done).toEqual({ state: idle, plan: { type: 'create', anchor: 3, to: 4 } });
  });

  it('resizes by dragging an edge and moves by dragging the body, keeping where it was taken', () => {
    const resize = run([
      { type: 'down', t: 2, x: 200, hit: { kind: 'edge', index: 0, edge: 'end' } },
      { type: 'move', t: 2.6, x: 260 },
      { type: 'up', t: 2.8, x: 280 },
    ]);
    expect(resize.plans).toEqual([{ type: 'resize', index: 0, edge: 'end', t: 2.8 }]);
    const move = run([
      { type: 'down', t: 1.25, x: 125, hit: { kind: 'body', index: 0 } },
      { type: 'move', t: 3.25, x: 325 },
      { type: 'up', t: 4.25, x: 425 },
    ]);
    expect(move.plans).toEqual([{ type: 'move', index: 0, start: 4 }]);
  });

  it('drops a drag on cancel without a plan', () => {
    const r = run([
      { type: 'down', t: 3, x: 300, hit: { kind: 'empty' } },
      { type: 'move', t: 4, x: 400 },
      { type: 'cancel' },
      { type: 'up', t: 4, x: 400 },
    ]);
    expect(r).toEqual({ state: idle, plans: [] });
  });
});

describe('the bracket keys', () => {
  const ctx = { segments: segs, selected: undefined, mark: undefined, t: 3 };
  it('[ marks a start, and ] ends it as a new region', () => {
    expect(bracket('[', ctx)).toEqual({ type: 'mark', t: 3 });
    expect(bracket(']', { ...ctx, mark: 3, t: 4 })).toEqual({ type: 'create', anchor: 3, to: 4 });
  });

  it('moves the selected region’s edges when the playhead allows', () => {
    expect(bracket('[', { ...ctx, selected: 0, t: 1.5 })).toEqual({
      type: 'resize',
      index: 0,
      edge: 'start',
      t: 1.5,
    });
    expect(bracket(']', { ...ctx, selected: 0, t: 2.5 })).toEqual({
      type: 'resize',
      index: 0,
      edge: 'end',
      t: 2.5,
    });
    // Past the selected region, [ starts a new one.
    expect(bracket('[', { ...ctx, selected: 0, t: 2.5 })).toEqual({ type: 'mark', t: 2.5 });
  });

  it('] with nothing to end says what to do', () => {
    expect(bracket(']', ctx)).toMatchObject({ type: 'refuse', message: /Press \[/ });
    expect(bracket(']', { ...ctx, selected: 0, t: 0.5 })).toMatchObject({ type: 'refuse' });
  });
});
