import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boxDragPreview, boxDragTransition, idleBoxDrag } from './box-drag.ts';
import { boxFromPoints, hitBox, moveBox, nudgeOf, resizeBox, toVideoPoint } from './box-geometry.ts';

const PIC = { width: 320, height: 240 };
const inside = (b: { x: number; y: number; width: number; height: number }) =>
  b.x >= 0 && b.y >= 0 && b.width >= 1 && b.height >= 1 && b.x + b.width <= 320 && b.y + b.height <= 240;

describe('box geometry', () => {
  it('maps a pointer on the displayed picture to video pixels', () => {
    const rect = { left: 100, top: 50, width: 640, height: 480 };
    expect(toVideoPoint({ x: 100 + 40, y: 50 + 200 }, rect, PIC)).toEqual({ x: 20, y: 100 });
    expect(toVideoPoint({ x: 0, y: 9999 }, rect, PIC)).toEqual({ x: 0, y: 240 });
  });

  it('draws a box from two corners in any order, inside the picture', () => {
    expect(boxFromPoints({ x: 60, y: 140 }, { x: 20, y: 100 }, PIC)).toEqual({
      x: 20,
      y: 100,
      width: 40,
      height: 40,
    });
    expect(boxFromPoints({ x: 300, y: 200 }, { x: 400, y: 300 }, PIC)).toEqual({
      x: 300,
      y: 200,
      width: 20,
      height: 40,
    });
  });

  it('moves and resizes keep a box inside the picture and at least a pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 279 }),
        fc.integer({ min: 0, max: 199 }),
        fc.integer({ min: -500, max: 500 }),
        fc.integer({ min: -500, max: 500 }),
        fc.constantFrom('n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw' as const),
        (x, y, dx, dy, h) => {
          const b = { x, y, width: 40, height: 40 };
          expect(inside(moveBox(b, dx, dy, PIC))).toBe(true);
          expect(moveBox(b, dx, dy, PIC).width).toBe(40);
          expect(inside(resizeBox(b, h, dx, dy, PIC))).toBe(true);
        },
      ),
    );
    expect(resizeBox({ x: 20, y: 100, width: 40, height: 40 }, 'se', 10, -5, PIC)).toEqual({
      x: 20,
      y: 100,
      width: 50,
      height: 35,
    });
  });

  it('hits the selected box handles first, then the topmost body', () => {
    const boxes = [
      { id: 't1', box: { x: 10, y: 10, width: 100, height: 100 } },
      { id: 't2', box: { x: 50, y: 50, width: 100, height: 100 } },
    ];
    expect(hitBox(boxes, { x: 60, y: 60 }, 4, undefined)).toEqual({ id: 't2', part: 'body' });
    expect(hitBox(boxes, { x: 108, y: 112 }, 4, 't1')).toEqual({ id: 't1', part: 'se' });
    expect(hitBox(boxes, { x: 300, y: 200 }, 4, 't1')).toBeUndefined();
  });

  it('arrows nudge by a pixel, ten with Shift', () => {
    expect(nudgeOf({ key: 'ArrowLeft', shiftKey: false })).toEqual({ x: -1, y: 0 });
    expect(nudgeOf({ key: 'ArrowDown', shiftKey: true })).toEqual({ x: 0, y: 10 });
    expect(nudgeOf({ key: 'a', shiftKey: false })).toBeUndefined();
  });
});

describe('the box drag machine', () => {
  it('draws a new box from down to up; a click draws nothing', () => {
    let s = boxDragTransition(
      idleBoxDrag,
      { type: 'down', at: { x: 20, y: 100 }, hit: undefined },
      PIC,
    ).state;
    s = boxDragTransition(s, { type: 'move', at: { x: 40, y: 120 } }, PIC).state;
    expect(boxDragPreview(s, PIC)).toEqual({ id: undefined, box: { x: 20, y: 100, width: 20, height: 20 } });
    expect(boxDragTransition(s, { type: 'up', at: { x: 60, y: 140 } }, PIC).plan).toEqual({
      type: 'create',
      box: { x: 20, y: 100, width: 40, height: 40 },
    });
    const click = boxDragTransition(
      idleBoxDrag,
      { type: 'down', at: { x: 5, y: 5 }, hit: undefined },
      PIC,
    ).state;
    expect(boxDragTransition(click, { type: 'up', at: { x: 6, y: 6 } }, PIC).plan).toEqual({
      type: 'select',
      id: undefined,
    });
  });

  it('moves or resizes a hit box, selecting it; an edit that changes nothing sets nothing', () => {
    const box = { x: 20, y: 100, width: 40, height: 40 };
    const down = boxDragTransition(
      idleBoxDrag,
      { type: 'down', at: { x: 30, y: 110 }, hit: { id: 't1', part: 'body', box } },
      PIC,
    );
    expect(down.plan).toEqual({ type: 'select', id: 't1' });
    expect(boxDragTransition(down.state, { type: 'up', at: { x: 50, y: 100 } }, PIC).plan).toEqual({
      type: 'set',
      id: 't1',
      box: { x: 40, y: 90, width: 40, height: 40 },
    });
    expect(boxDragTransition(down.state, { type: 'up', at: { x: 30, y: 110 } }, PIC).plan).toBeUndefined();
    const corner = boxDragTransition(
      idleBoxDrag,
      { type: 'down', at: { x: 60, y: 140 }, hit: { id: 't1', part: 'se', box } },
      PIC,
    );
    expect(boxDragTransition(corner.state, { type: 'up', at: { x: 70, y: 150 } }, PIC).plan).toEqual({
      type: 'set',
      id: 't1',
      box: { x: 20, y: 100, width: 50, height: 50 },
    });
  });
});
