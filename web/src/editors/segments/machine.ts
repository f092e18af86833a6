import type { Hit } from './layout.ts';
import {
  createRegion,
  type Edit,
  moveRegion,
  type RegionRules,
  resizeEdge,
  type Segment,
} from './regions.ts';

/**
 * The region tool as an explicit state machine, pure: `transition` takes the pointer state and an
 * event and returns the next state plus a plan for the component to carry out with the kernels.
 *
 *   idle ──down──▶ pressing ──move ≥ DRAG_PX──▶ creating (on empty) ─┐
 *                    │                         resizing (on an edge) ├─up──▶ idle (+ create/resize/move)
 *                    │                         moving   (on a body)  ┘
 *                    └──up──▶ idle (+ click: select what was hit, seek there)
 *   any ──cancel (Esc, lost capture)──▶ idle (nothing changes)
 *
 * The keyboard's `[` and `]` are a second, smaller decision (`bracket`): a start mark waiting for
 * its end, or an edge of the selected region. Times are seconds, x CSS pixels.
 */
export type DragState =
  | { kind: 'idle' }
  | { kind: 'pressing'; t: number; x: number; hit: Hit }
  | { kind: 'creating'; anchor: number; to: number }
  | { kind: 'resizing'; index: number; edge: 'start' | 'end'; to: number }
  /** `grab`: how far into the region it was taken; `to`: its new start. */
  | { kind: 'moving'; index: number; grab: number; to: number };

export type DragEvent =
  | { type: 'down'; t: number; x: number; hit: Hit }
  | { type: 'move'; t: number; x: number }
  | { type: 'up'; t: number; x: number }
  | { type: 'cancel' };

export type DragPlan =
  /** A press without a drag: select the region hit (none on empty waveform) and seek to `t`. */
  | { type: 'click'; t: number; index: number | undefined }
  | { type: 'create'; anchor: number; to: number }
  | { type: 'resize'; index: number; edge: 'start' | 'end'; t: number }
  | { type: 'move'; index: number; start: number };

/** How far the pointer moves before a press becomes a drag. */
export const DRAG_PX = 3;

export const idle: DragState = { kind: 'idle' };

export function transition(
  state: DragState,
  event: DragEvent,
  segments: readonly Segment[],
): { state: DragState; plan?: DragPlan } {
  switch (event.type) {
    case 'down':
      return { state: { kind: 'pressing', t: event.t, x: event.x, hit: event.hit } };
    case 'move': {
      if (state.kind === 'idle') return { state };
      if (state.kind === 'pressing') {
        if (Math.abs(event.x - state.x) < DRAG_PX) return { state };
        return { state: dragFrom(state, event.t, segments) };
      }
      if (state.kind === 'moving') return { state: { ...state, to: event.t - state.grab } };
      return { state: { ...state, to: event.t } };
    }
    case 'up': {
      if (state.kind === 'idle') return { state };
      if (state.kind === 'pressing') {
        const index = state.hit.kind === 'empty' ? undefined : state.hit.index;
        return { state: idle, plan: { type: 'click', t: state.t, index } };
      }
      const moved = transition(state, { type: 'move', t: event.t, x: event.x }, segments).state;
      const plan = pendingPlan(moved);
      return plan ? { state: idle, plan } : { state: idle };
    }
    case 'cancel':
      return { state: idle };
  }
}

function dragFrom(state: Extract<DragState, { kind: 'pressing' }>, t: number, segments: readonly Segment[]) {
  const hit = state.hit;
  if (hit.kind === 'edge') return { kind: 'resizing', index: hit.index, edge: hit.edge, to: t } as const;
  if (hit.kind === 'body') {
    const grab = state.t - (segments[hit.index]?.start ?? state.t);
    return { kind: 'moving', index: hit.index, grab, to: t - grab } as const;
  }
  return { kind: 'creating', anchor: state.t, to: t } as const;
}

/** What the drag would do if released now: the preview the component draws. */
export function pendingPlan(
  state: DragState,
): Extract<DragPlan, { type: 'create' | 'resize' | 'move' }> | undefined {
  switch (state.kind) {
    case 'creating':
      return { type: 'create', anchor: state.anchor, to: state.to };
    case 'resizing':
      return { type: 'resize', index: state.index, edge: state.edge, t: state.to };
    case 'moving':
      return { type: 'move', index: state.index, start: state.to };
    default:
      return undefined;
  }
}

export type BracketPlan =
  | { type: 'mark'; t: number }
  | { type: 'create'; anchor: number; to: number }
  | { type: 'resize'; index: number; edge: 'start' | 'end'; t: number }
  | { type: 'refuse'; message: string };

/**
 * What `[` or `]` does at playhead `t`. `[` moves the selected region's start when the playhead
 * is before that region's end, else it marks a start. `]` ends a marked start (a new region), else
 * moves the selected region's end when the playhead is past its start.
 */
export function bracket(
  key: '[' | ']',
  ctx: { segments: readonly Segment[]; selected: number | undefined; mark: number | undefined; t: number },
): BracketPlan {
  const sel = ctx.selected === undefined ? undefined : ctx.segments[ctx.selected];
  if (key === '[') {
    if (sel && ctx.t < sel.end) return { type: 'resize', index: ctx.selected!, edge: 'start', t: ctx.t };
    return { type: 'mark', t: ctx.t };
  }
  if (ctx.mark !== undefined) return { type: 'create', anchor: ctx.mark, to: ctx.t };
  if (sel && ctx.t > sel.start) return { type: 'resize', index: ctx.selected!, edge: 'end', t: ctx.t };
  return {
    type: 'refuse',
    message: sel
      ? 'The playhead is before the selected region: move it past the start, or press [ to start a new one.'
      : 'Press [ at the start first, then ] at the end.',
  };
}

/** The edit a create, resize or move plan makes (the same for the preview and the release). */
export function editFor(
  plan: Extract<DragPlan | BracketPlan, { type: 'create' | 'resize' | 'move' }>,
  segments: readonly Segment[],
  rules: RegionRules,
  extra: Omit<Segment, 'start' | 'end'> = {},
): Edit {
  if (plan.type === 'create') return createRegion(segments, plan.anchor, plan.to, rules, extra);
  if (plan.type === 'resize') return resizeEdge(segments, plan.index, plan.edge, plan.t, rules);
  return moveRegion(segments, plan.index, plan.start, rules);
}
