import type { Box } from '../../../../core/interface/index.ts';

/**
 * Boxes over a video in its own pixels, pure (docs/media.md, "Video"): the overlay maps the
 * displayed picture back to video pixels, so answers do not depend on the window's size.
 */
export interface Picture {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

export type Handle = 'n' | 's' | 'e' | 'w' | 'ne' | 'nw' | 'se' | 'sw';
export type BoxPart = Handle | 'body';

/** Coordinates are kept to the hundredth of a pixel, as validation keeps them. */
export const hundredth = (v: number): number => Math.round(v * 100) / 100;

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/** A pointer at client coordinates, in video pixels, given the displayed picture's rectangle. */
export function toVideoPoint(
  client: Point,
  rect: { left: number; top: number; width: number; height: number },
  picture: Picture,
): Point {
  return {
    x: clamp(((client.x - rect.left) * picture.width) / Math.max(1, rect.width), 0, picture.width),
    y: clamp(((client.y - rect.top) * picture.height) / Math.max(1, rect.height), 0, picture.height),
  };
}

/** Video pixels per displayed pixel (the overlay's handles stay the same size on screen). */
export const pixelRatio = (picture: Picture, displayedWidth: number): number =>
  picture.width / Math.max(1, displayedWidth);

/** The box two corners span, within the picture, rounded. */
export function boxFromPoints(a: Point, b: Point, picture: Picture): Box {
  const x0 = clamp(Math.min(a.x, b.x), 0, picture.width);
  const y0 = clamp(Math.min(a.y, b.y), 0, picture.height);
  const x1 = clamp(Math.max(a.x, b.x), 0, picture.width);
  const y1 = clamp(Math.max(a.y, b.y), 0, picture.height);
  return { x: hundredth(x0), y: hundredth(y0), width: hundredth(x1 - x0), height: hundredth(y1 - y0) };
}

/** The box moved by (dx, dy), kept inside the picture at its size. */
export function moveBox(box: Box, dx: number, dy: number, picture: Picture): Box {
  return {
    x: hundredth(clamp(box.x + dx, 0, Math.max(0, picture.width - box.width))),
    y: hundredth(clamp(box.y + dy, 0, Math.max(0, picture.height - box.height))),
    width: box.width,
    height: box.height,
  };
}

/** The box with a handle dragged by (dx, dy): at least one pixel each way, inside the picture. */
export function resizeBox(box: Box, handle: Handle, dx: number, dy: number, picture: Picture): Box {
  let x0 = box.x;
  let y0 = box.y;
  let x1 = box.x + box.width;
  let y1 = box.y + box.height;
  if (handle.includes('w')) x0 = Math.min(x0 + dx, x1 - 1);
  if (handle.includes('e')) x1 = Math.max(x1 + dx, x0 + 1);
  if (handle.includes('n')) y0 = Math.min(y0 + dy, y1 - 1);
  if (handle.includes('s')) y1 = Math.max(y1 + dy, y0 + 1);
  x0 = clamp(x0, 0, picture.width - 1);
  y0 = clamp(y0, 0, picture.height - 1);
  x1 = clamp(x1, x0 + 1, picture.width);
  y1 = clamp(y1, y0 + 1, picture.height);
  return { x: hundredth(x0), y: hundredth(y0), width: hundredth(x1 - x0), height: hundredth(y1 - y0) };
}

/** The handles' positions on a box. */
export function handlePoints(box: Box): Record<Handle, Point> {
  const { x, y, width: w, height: h } = box;
  return {
    nw: { x, y },
    n: { x: x + w / 2, y },
    ne: { x: x + w, y },
    e: { x: x + w, y: y + h / 2 },
    se: { x: x + w, y: y + h },
    s: { x: x + w / 2, y: y + h },
    sw: { x, y: y + h },
    w: { x, y: y + h / 2 },
  };
}

/**
 * What is under a point: a handle of the selected box first (within `reach` video pixels), then
 * the topmost box whose body holds it (the last drawn).
 */
export function hitBox(
  boxes: readonly { id: string; box: Box }[],
  p: Point,
  reach: number,
  selected: string | undefined,
): { id: string; part: BoxPart } | undefined {
  const sel = boxes.find((b) => b.id === selected);
  if (sel)
    for (const [h, q] of Object.entries(handlePoints(sel.box)) as [Handle, Point][])
      if (Math.abs(q.x - p.x) <= reach && Math.abs(q.y - p.y) <= reach) return { id: sel.id, part: h };
  for (let i = boxes.length - 1; i >= 0; i -= 1) {
    const { id, box } = boxes[i] as { id: string; box: Box };
    if (p.x >= box.x && p.x <= box.x + box.width && p.y >= box.y && p.y <= box.y + box.height)
      return { id, part: 'body' };
  }
  return undefined;
}

/** The arrow keys' nudge: 1 px, 10 with Shift; undefined for other keys. */
export function nudgeOf(e: { key: string; shiftKey: boolean }): Point | undefined {
  const by = e.shiftKey ? 10 : 1;
  if (e.key === 'ArrowLeft') return { x: -by, y: 0 };
  if (e.key === 'ArrowRight') return { x: by, y: 0 };
  if (e.key === 'ArrowUp') return { x: 0, y: -by };
  if (e.key === 'ArrowDown') return { x: 0, y: by };
  return undefined;
}
