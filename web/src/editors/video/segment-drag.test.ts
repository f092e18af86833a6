import { describe, expect, it } from 'vitest';
import {
  type DragEvent,
  type DragState,
  dragPreview,
  dragTransition,
  hitSegment,
  idleDrag,
} from './segment-drag.ts';

const COUNT = 100;
const at = (frame: number, boundary = frame) => ({ frame, boundary });
function run(events: DragEvent[], state: DragState = idleDrag) {
  let s = state;
  let plan: ReturnType<typeof dragTransition>['plan'];
  for (const e of events) ({ state: s, plan } = dragTransition(s, e, COUNT));
  return { state: s, plan };
}

describe('the timeline drag machine', () => {
  it('hits edges within a few pixels, else the body, else nothing', () => {
    const spans = [{ from: 10, to: 20 }];
    // 100 frames on 1000 px: frame 10 at 100 px, 20 at 200 px.
    expect(hitSegment(spans, 103, 1000, COUNT)).toEqual({ index: 0, part: 'start' });
    expect(hitSegment(spans, 198, 1000, COUNT)).toEqual({ index: 0, part: 'end' });
    expect(hitSegment(spans, 150, 1000, COUNT)).toEqual({ index: 0, part: 'body' });
    expect(hitSegment(spans, 300, 1000, COUNT)).toBeUndefined();
  });

  it('a press and release without moving is a click', () => {
    const r = run([
      { type: 'down', hit: undefined, span: undefined, ...at(5) },
      { type: 'up', ...at(5) },
    ]);
    expect(r.plan).toEqual({ type: 'click', frame: 5, hit: undefined });
    expect(r.state).toEqual(idleDrag);
  });

  it('dragging on empty timeline creates the frames covered, either direction', () => {
    const r = run([
      { type: 'down', hit: undefined, span: undefined, ...at(30) },
      { type: 'move', ...at(25) },
      { type: 'move', ...at(20) },
    ]);
    expect(dragPreview(r.state)).toEqual({ index: undefined, span: { from: 20, to: 31 } });
    expect(dragTransition(r.state, { type: 'up', ...at(20) }, COUNT).plan).toEqual({
      type: 'create',
      span: { from: 20, to: 31 },
    });
  });

  it('moves a segment by its body, inside the video', () => {
    const span = { from: 10, to: 20 };
    const r = run([
      { type: 'down', hit: { index: 2, part: 'body' }, span, ...at(12) },
      { type: 'move', ...at(17) },
      { type: 'up', ...at(17) },
    ]);
    expect(r.plan).toEqual({ type: 'update', index: 2, span: { from: 15, to: 25 } });
    const far = run([
      { type: 'down', hit: { index: 0, part: 'body' }, span, ...at(12) },
      { type: 'up', ...at(99) },
    ]);
    expect(far.plan).toEqual({ type: 'click', frame: 12, hit: { index: 0, part: 'body' } });
    const clamped = run([
      { type: 'down', hit: { index: 0, part: 'body' }, span, ...at(12) },
      { type: 'move', ...at(99) },
      { type: 'up', ...at(99) },
    ]);
    expect(clamped.plan).toEqual({ type: 'update', index: 0, span: { from: 90, to: 100 } });
  });

  it('resizes by an edge to the nearest frame start, never below one frame', () => {
    const span = { from: 10, to: 20 };
    const end = run([
      { type: 'down', hit: { index: 0, part: 'end' }, span, ...at(19, 20) },
      { type: 'move', ...at(24, 25) },
      { type: 'up', ...at(24, 25) },
    ]);
    expect(end.plan).toEqual({ type: 'update', index: 0, span: { from: 10, to: 25 } });
    const start = run([
      { type: 'down', hit: { index: 0, part: 'start' }, span, ...at(10, 10) },
      { type: 'move', ...at(40, 40) },
      { type: 'up', ...at(40, 40) },
    ]);
    expect(start.plan).toEqual({ type: 'update', index: 0, span: { from: 19, to: 20 } });
  });

  it('cancel drops the drag', () => {
    const r = run([
      { type: 'down', hit: undefined, span: undefined, ...at(3) },
      { type: 'move', ...at(9) },
      { type: 'cancel' },
    ]);
    expect(r.state).toEqual(idleDrag);
    expect(r.plan).toBeUndefined();
  });
});
