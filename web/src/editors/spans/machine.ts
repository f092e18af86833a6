/**
 * The span tool as an explicit state machine (tldraw-style), pure: `transition` takes a state and
 * an event and returns the next state plus a plan for the component to carry out (create a span).
 *
 *   idle ──Shift+Arrow──▶ selecting(keys) ──label key──▶ idle (+ create)
 *    │                        │  └─Arrow / Esc──▶ idle
 *    └──pointer down──▶ selecting(pointer) ──pointer up, text chosen──▶ labelling ──label──▶ idle (+ create)
 *                                    └──pointer up, nothing chosen──▶ idle          └─Esc──▶ idle
 *
 * Offsets are code points already snapped to grapheme boundaries by the caller (kernels.ts). In a
 * Markdown text (`context.tex` given) a pointer selection snaps to the TeX in it: a double-click in
 * a formula selects the formula (on a command, the command), and an edge never splits a command
 * or leaves part of a formula behind (tex-tokens.ts). Keyboard selections move by character, so
 * they stay exactly where the keys put them.
 */
import { snapToTex, type TexTokens, texTokenAround } from './tex-tokens.ts';

export type SpanToolState =
  | { kind: 'idle'; caret: number }
  | { kind: 'selecting'; anchor: number; focus: number; via: 'keys' | 'pointer' }
  | { kind: 'labelling'; start: number; end: number };

export type SpanToolEvent =
  /** The keyboard caret moved to `to`; `extend` when Shift is held. */
  | { type: 'move'; to: number; extend: boolean }
  | { type: 'pointerDown'; at: number }
  /**
   * The pointer was released; `range` is the selected text, if any; `clicks` counts the clicks
   * of a multi-click (2 for a double-click), 1 when absent.
   */
  | { type: 'pointerUp'; range: { start: number; end: number } | undefined; at: number; clicks?: number }
  | { type: 'label'; label: string }
  | { type: 'cancel' };

export type SpanToolPlan = { type: 'create'; start: number; end: number; label: string };

export const initialSpanTool: SpanToolState = { kind: 'idle', caret: 0 };

/** What the machine knows of the text beyond the event: its TeX, when it is Markdown. */
export interface SpanToolContext {
  tex?: TexTokens;
}

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
  context: SpanToolContext = {},
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
    case 'pointerUp': {
      // A selection made any way the browser allows (drag, double-click, assistive tech) counts.
      const range = pointerRange(event, context.tex);
      return range
        ? { state: { kind: 'labelling', start: range.start, end: range.end } }
        : { state: { kind: 'idle', caret: event.at } };
    }
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

/** The selection a pointer left, snapped to the text's TeX; a double-click on a formula with no selection selects it. */
function pointerRange(
  event: Extract<SpanToolEvent, { type: 'pointerUp' }>,
  tex: TexTokens | undefined,
): { start: number; end: number } | undefined {
  const whole = (event.clicks ?? 1) === 2;
  if (!tex) return event.range;
  if (event.range) return snapToTex(tex, event.range, whole);
  const token = whole ? texTokenAround(tex, event.at, event.at) : undefined;
  return token ? { start: token.start, end: token.end } : undefined;
}
