import type { FrameSpan } from './segment-ops.ts';

/**
 * Mouse editing of segments on the timeline as an explicit state machine, pure:
 *
 *   idle ──down──▶ pressing ──up──▶ idle (+ click: select / seek)
 *                     └─move─▶ creating | moving | resizing ──up──▶ idle (+ create / update)
 *
 * Pressing on empty timeline and dragging makes a segment; on a segment's body it moves; within a
 * few pixels of an edge it resizes. Positions are frames: `frame` the one under the pointer,
 * `boundary` the frame start nearest it (where an edge goes).
 */
export type Hit = { index: number; part: 'start' | 'end' | 'body' };

export type DragState =
  | { kind: 'idle' }
  | { kind: 'pressing'; at: number; hit: Hit | undefined; span?: FrameSpan }
  | { kind: 'creating'; anchor: number; focus: number }
  | { kind: 'moving'; index: number; grab: number; span: FrameSpan; now: FrameSpan }
  | { kind: 'resizing'; index: number; edge: 'start' | 'end'; span: FrameSpan; now: FrameSpan };

export interface PointerAt {
  frame: number;
  boundary: number;
}

export type DragEvent =
  | ({ type: 'down'; hit: Hit | undefined; span: FrameSpan | undefined } & PointerAt)
  | ({ type: 'move' } & PointerAt)
  | ({ type: 'up' } & PointerAt)
  | { type: 'cancel' };

export type DragPlan =
  | { type: 'click'; frame: number; hit: Hit | undefined }
  | { type: 'create'; span: FrameSpan }
  | { type: 'update'; index: number; span: FrameSpan };

export const idleDrag: DragState = { kind: 'idle' };

/** The pixels either side of an edge that grab it rather than the body. */
export const EDGE_PX = 5;

/** What is under x on a timeline `width` pixels wide showing `count` frames. */
export function hitSegment(
  spans: readonly FrameSpan[],
  x: number,
  width: number,
  count: number,
): Hit | undefined {
  if (count <= 0 || width <= 0) return undefined;
  const px = (f: number) => (f / count) * width;
  let body: Hit | undefined;
  for (let i = spans.length - 1; i >= 0; i -= 1) {
    const s = spans[i] as FrameSpan;
    const a = px(s.from);
    const b = px(s.to);
    if (Math.abs(x - b) <= EDGE_PX && b - a > EDGE_PX) return { index: i, part: 'end' };
    if (Math.abs(x - a) <= EDGE_PX) return { index: i, part: 'start' };
    if (!body && x > a && x < b) body = { index: i, part: 'body' };
  }
  return body;
}

export function dragTransition(
  state: DragState,
  e: DragEvent,
  count: number,
): { state: DragState; plan?: DragPlan } {
  if (e.type === 'cancel') return { state: idleDrag };
  switch (state.kind) {
    case 'idle':
      return e.type === 'down' ? { state: pressingFrom(e) } : { state };
    case 'pressing': {
      if (e.type === 'up')
        return { state: idleDrag, plan: { type: 'click', frame: state.at, hit: state.hit } };
      if (e.type !== 'move' || e.frame === state.at) return { state };
      return { state: startDrag(state, e, count) };
    }
    case 'creating': {
      const next = { ...state, focus: clampTo(e.type === 'down' ? state.focus : e.frame, count) };
      if (e.type === 'up') return { state: idleDrag, plan: { type: 'create', span: createdSpan(next) } };
      return { state: next };
    }
    case 'moving':
    case 'resizing': {
      if (e.type === 'down') return { state };
      const next = follow(state, e, count);
      if (e.type === 'up')
        return { state: idleDrag, plan: { type: 'update', index: state.index, span: next.now } };
      return { state: next };
    }
  }
}

// A pressing state remembers the span it pressed on, to move or resize it.
type Pressing = Extract<DragState, { kind: 'pressing' }>;

function pressingFrom(e: Extract<DragEvent, { type: 'down' }>): Pressing {
  return e.span
    ? { kind: 'pressing', at: e.frame, hit: e.hit, span: e.span }
    : { kind: 'pressing', at: e.frame, hit: e.hit };
}

function startDrag(state: Pressing, e: PointerAt, count: number): DragState {
  const { hit, span } = state;
  if (!hit || !span) return { kind: 'creating', anchor: state.at, focus: clampTo(e.frame, count) };
  if (hit.part === 'body') {
    const moving = { kind: 'moving' as const, index: hit.index, grab: state.at - span.from, span, now: span };
    return follow(moving, e, count);
  }
  return follow({ kind: 'resizing', index: hit.index, edge: hit.part, span, now: span }, e, count);
}

function follow(
  state: Extract<DragState, { kind: 'moving' | 'resizing' }>,
  e: PointerAt,
  count: number,
): Extract<DragState, { kind: 'moving' | 'resizing' }> {
  const { span } = state;
  if (state.kind === 'moving') {
    const len = span.to - span.from;
    const from = Math.max(0, Math.min(count - len, e.frame - state.grab));
    return { ...state, now: { from, to: from + len } };
  }
  const b = Math.max(0, Math.min(count, e.boundary));
  const now =
    state.edge === 'start'
      ? { from: Math.min(b, span.to - 1), to: span.to }
      : { from: span.from, to: Math.max(b, span.from + 1) };
  return { ...state, now };
}

const clampTo = (frame: number, count: number) => Math.max(0, Math.min(count - 1, frame));

/** The frames a creating drag covers: both ends included. */
export const createdSpan = (s: { anchor: number; focus: number }): FrameSpan => ({
  from: Math.min(s.anchor, s.focus),
  to: Math.max(s.anchor, s.focus) + 1,
});

/** What to draw while dragging: the span being made or changed (index: which segment). */
export function dragPreview(state: DragState): { index: number | undefined; span: FrameSpan } | undefined {
  if (state.kind === 'creating') return { index: undefined, span: createdSpan(state) };
  if (state.kind === 'moving' || state.kind === 'resizing') return { index: state.index, span: state.now };
  return undefined;
}
