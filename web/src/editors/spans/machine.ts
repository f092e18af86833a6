/**
 * The span tool as an explicit state machine (tldraw-style), pure: `transition` takes a state and
 * an event and returns the next state plus a plan for the component to carry out (create a span).
 *
 *   idle ──Shift+Arrow──▶ selecting(keys) ──label key──▶ idle (+ create)
 *    │                        │  └─Arrow / Esc──▶ idle
 *    └──pointer down──▶ selecting(pointer) ──pointer up, text chosen──▶ labelling ──label──▶ idle (+ create)
 *                                    └──pointer up, nothing chosen──▶ idle          └─Esc──▶ idle
 *
 * Offsets are code points already snapped to grapheme boundaries by the caller (kernels.ts).
 */
export type SpanToolState =
  | { kind: 'idle'; caret: number }
  | { kind: 'selecting'; anchor: number; focus: number; via: 'keys' | 'pointer' }
  | { kind: 'labelling'; start: number; end: number };

export type SpanToolEvent =
  /** The keyboard caret moved to `to`; `extend` when Shift is held. */
  | { type: 'move'; to: number; extend: boolean }
  | { type: 'pointerDown'; at: number }
  /** The pointer was released; `range` is the selected text, if any. */
  | { type: 'pointerUp'; range: { start: number; end: number } | undefined; at: number }
  | { type: 'label'; label: string }
  | { type: 'cancel' };

export type SpanToolPlan = { type: 'create'; start: number; end: number; label: string };

export const initialSpanTool: SpanToolState = { kind: 'idle', caret: 0 };

/** The chosen text, ordered; undefined when nothing (or nothing but a caret) is selected. */
export function selectionOf(state: SpanToolState): { start: number; end: number } | undefined {
  if (state.kind === 'labelling') return { start: state.start, end: state.end };
  if (state.kind === 'selecting' && state.anchor !== state.focus) {
    return { start: Math.min(state.anchor, state.focus), end: Math.max(state.anchor, state.focus) };
  }
  return undefined;
}

/** Where the keyboard caret is: the moving end of a selection, or the caret itself. */
export function caretOf(state: SpanToolState): number {
  if (state.kind === 'idle') return state.caret;
  if (state.kind === 'selecting') return state.focus;
  return state.end;
}

export function transition(
  state: SpanToolState,
  event: SpanToolEvent,
): { state: SpanToolState; plan?: SpanToolPlan } {
  switch (event.type) {
    case 'move': {
      if (!event.extend) return { state: { kind: 'idle', caret: event.to } };
      const anchor =
        state.kind === 'selecting' ? state.anchor : state.kind === 'labelling' ? state.start : state.caret;
      return { state: { kind: 'selecting', anchor, focus: event.to, via: 'keys' } };
    }
    case 'pointerDown':
      return { state: { kind: 'selecting', anchor: event.at, focus: event.at, via: 'pointer' } };
    case 'pointerUp':
      // A selection made any way the browser allows (drag, double-click, assistive tech) counts.
      return event.range
        ? { state: { kind: 'labelling', start: event.range.start, end: event.range.end } }
        : { state: { kind: 'idle', caret: event.at } };
    case 'label': {
      const range = selectionOf(state);
      if (!range) return { state };
      return {
        state: { kind: 'idle', caret: range.end },
        plan: { type: 'create', start: range.start, end: range.end, label: event.label },
      };
    }
    case 'cancel':
      return { state: { kind: 'idle', caret: caretOf(state) } };
  }
}
