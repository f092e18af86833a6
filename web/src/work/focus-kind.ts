import type { FocusKind } from '../editors/keymap.ts';

/** What kind of element has focus, for the keyboard map (keymap.ts). */
export function focusKind(el: Element | null): FocusKind {
  if (!el) return 'other';
  if (el instanceof HTMLTextAreaElement) return 'textarea';
  if (el instanceof HTMLInputElement) {
    if (el.type === 'radio' || el.type === 'checkbox') return 'choice';
    return ['button', 'submit', 'reset'].includes(el.type) ? 'control' : 'text-entry';
  }
  if (el instanceof HTMLElement && el.isContentEditable) return 'textarea';
  if (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || el instanceof HTMLSelectElement)
    return 'control';
  return el.tagName === 'SUMMARY' ? 'control' : 'other';
}
