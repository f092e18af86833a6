import { useSyncExternalStore } from 'react';

/**
 * Whether the rendered pane beside a Markdown span text is shown: one choice per browser, kept
 * in localStorage and shared live by every span editor on the page. Shown until the annotator
 * hides it — the rendered formulas are the reason the pane exists.
 */
const KEY = 'verity.spans.rendered';
const listeners = new Set<() => void>();
let shown: boolean | undefined;

function read(): boolean {
  if (shown === undefined) {
    try {
      shown = window.localStorage.getItem(KEY) !== 'hidden';
    } catch {
      shown = true;
    }
  }
  return shown;
}

export function setRenderedShown(next: boolean): void {
  shown = next;
  try {
    window.localStorage.setItem(KEY, next ? 'shown' : 'hidden');
  } catch {
    // Without storage the choice lasts until the page is left.
  }
  for (const l of listeners) l();
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

export function useRenderedShown(): boolean {
  return useSyncExternalStore(subscribe, read, () => true);
}
