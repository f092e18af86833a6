import type { FocusKind } from '../editors/keymap.ts';

/**
 * The adjudication page's keys, pure: 1–9 start the final answer from that annotator's answers,
 * S skips the item (to the back of the queue); while a final answer is started, Ctrl+Enter (or
 * Enter outside a text box) records it and Esc discards it. Letters typed into a text box are the
 * text's; keys with Alt or Meta are the browser's.
 */
export type AdjudicationCommand =
  | { kind: 'startFrom'; index: number }
  | { kind: 'record' }
  | { kind: 'discard' }
  | { kind: 'skip' };

export function adjudicationCommandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>,
  where: FocusKind,
  s: { editing: boolean; answers: number },
): AdjudicationCommand | undefined {
  if (e.altKey || e.metaKey) return undefined;
  const typing = where === 'text-entry' || where === 'textarea';
  if (s.editing) {
    if (e.key === 'Escape') return { kind: 'discard' };
    if (e.key === 'Enter' && (e.ctrlKey || (!typing && where !== 'control'))) return { kind: 'record' };
  }
  if (typing || e.ctrlKey || e.shiftKey) return undefined;
  if (/^[1-9]$/.test(e.key)) {
    const index = Number(e.key) - 1;
    return index < s.answers ? { kind: 'startFrom', index } : undefined;
  }
  if (!s.editing && e.key.toLowerCase() === 's') return { kind: 'skip' };
  return undefined;
}
