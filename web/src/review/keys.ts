import type { FocusKind } from '../editors/keymap.ts';

/**
 * The review view's keys, pure: A accepts, R opens the reject dialog, F starts a fix; while
 * fixing, Ctrl+Enter (or Enter outside a text box) saves it and Esc cancels. Letters typed into a
 * text box are the text's; keys with Alt or Meta are the browser's.
 */
export type ReviewCommand = 'accept' | 'reject' | 'fix' | 'saveFix' | 'cancelFix';

export function reviewCommandFor(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey'>,
  where: FocusKind,
  fixing: boolean,
): ReviewCommand | undefined {
  if (e.altKey || e.metaKey) return undefined;
  const typing = where === 'text-entry' || where === 'textarea';
  if (fixing) {
    if (e.key === 'Escape') return 'cancelFix';
    if (e.key === 'Enter' && (e.ctrlKey || (!typing && where !== 'control'))) return 'saveFix';
    return undefined;
  }
  if (typing || e.ctrlKey || e.shiftKey) return undefined;
  switch (e.key.toLowerCase()) {
    case 'a':
      return 'accept';
    case 'r':
      return 'reject';
    case 'f':
      return 'fix';
    default:
      return undefined;
  }
}
