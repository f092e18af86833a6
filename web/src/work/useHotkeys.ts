import { useEffect, useRef } from 'react';
import { type Command, commandFor, digitOf } from '../editors/keymap.ts';
import { focusKind } from './focus-kind.ts';

/**
 * The annotation view's global keys. Editors handle their own keys first and mark them handled
 * (preventDefault); keys inside a dialog belong to the dialog.
 */
export function useHotkeys(handlers: { command: (c: Command) => void; digit: (n: number) => void }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target?.closest('dialog')) return;
      const where = focusKind(document.activeElement);
      const command = commandFor(e, where);
      if (command) {
        e.preventDefault();
        ref.current.command(command);
        return;
      }
      const n = digitOf(e, where);
      if (n !== undefined) {
        e.preventDefault();
        ref.current.digit(n);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
