import type { ReactNode } from 'react';

/** A key shown beside a control; hidden from screen readers, which get aria-keyshortcuts instead. */
export function KeyHint({ children }: { children: ReactNode }) {
  return (
    <span className="key-hint" aria-hidden="true">
      <kbd>{children}</kbd>
    </span>
  );
}
