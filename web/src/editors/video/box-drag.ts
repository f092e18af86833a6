import type { Box } from '../../../../core/interface/index.ts';
import { type BoxPart, boxFromPoints, moveBox, type Picture, type Point, resizeBox } from './box-geometry.ts';

/**
 * Drawing and editing boxes on the video as an explicit state machine, pure:
 *
 *   idle ──down on nothing──▶ drawing ──up──▶ idle (+ create, when bigger than MIN_DRAW)
 *    └───down on a box / handle──▶ moving | resizing ──up──▶ idle (+ set, when it changed)
 *
 * Points are video pixels. The component carries out the plan: `create` starts a track with the
 * selected label, `set` writes a keyframe at the current frame (so an edit at an interpolated
 * frame makes a keyframe there).
 */
export type BoxDragState =
  | { kind: 'idle' }
  | { kind: 'drawing'; from: Point; to: Point }
  | { kind: 'editing'; id: string; part: BoxPart; origin: Box; from: Point; now: Box };

export type BoxDragEvent =
  | { type: 'down'; at: Point; hit: { id: string; part: BoxPart; box: Box } | undefined }
  | { type: 'move'; at: Point }
  | { type: 'up'; at: Point }
  | { type: 'cancel' };

export type BoxDragPlan =
  | { type: 'create'; box: Box }
  | { type: 'select'; id: string | undefined }
  | { type: 'set'; id: string; box: Box };

/** A drawn box smaller than this (video pixels, either way) is a click, not a box. */
export const MIN_DRAW = 3;

export const idleBoxDrag: BoxDragState = { kind: 'idle' };

export function boxDragTransition(
  state: BoxDragState,
  e: BoxDragEvent,
  picture: Picture,
): { state: BoxDragState; plan?: BoxDragPlan } {
  if (e.type === 'cancel') return { state: idleBoxDrag };
  if (state.kind === 'idle') {
    if (e.type !== 'down') return { state };
    if (!e.hit) return { state: { kind: 'drawing', from: e.at, to: e.at } };
    const { id, part, box } = e.hit;
    return {
      state: { kind: 'editing', id, part, origin: box, from: e.at, now: box },
      plan: { type: 'select', id },
    };
  }
  if (e.type === 'down') return { state };
  if (state.kind === 'drawing') {
    const next = { ...state, to: e.at };
    if (e.type === 'move') return { state: next };
    const box = boxFromPoints(next.from, next.to, picture);
    return box.width < MIN_DRAW || box.height < MIN_DRAW
      ? { state: idleBoxDrag, plan: { type: 'select', id: undefined } }
      : { state: idleBoxDrag, plan: { type: 'create', box } };
  }
  const dx = e.at.x - state.from.x;
  const dy = e.at.y - state.from.y;
  const now =
    state.part === 'body'
      ? moveBox(state.origin, dx, dy, picture)
      : resizeBox(state.origin, state.part, dx, dy, picture);
  if (e.type === 'move') return { state: { ...state, now } };
  const same =
    now.x === state.origin.x &&
    now.y === state.origin.y &&
    now.width === state.origin.width &&
    now.height === state.origin.height;
  return same
    ? { state: idleBoxDrag }
    : { state: idleBoxDrag, plan: { type: 'set', id: state.id, box: now } };
}

/** The box to draw while the machine is busy: the one being drawn, or the edited one as it moves. */
export function boxDragPreview(
  state: BoxDragState,
  picture: Picture,
): { id: string | undefined; box: Box } | undefined {
  if (state.kind === 'drawing') return { id: undefined, box: boxFromPoints(state.from, state.to, picture) };
  if (state.kind === 'editing') return { id: state.id, box: state.now };
  return undefined;
}
