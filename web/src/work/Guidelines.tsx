import { useState } from 'react';
import { GuidelinesText } from './GuidelinesText.tsx';

const KEY = 'verity.guidelines.collapsed';

function initiallyCollapsed(): boolean {
  try {
    const saved = window.localStorage.getItem(KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // No storage: fall through to the width rule.
  }
  return window.matchMedia?.('(max-width: 60rem)').matches ?? false;
}

/** The project's guidelines (Markdown) in a side panel the annotator can fold away. */
export function Guidelines({ source }: { source: string }) {
  const [collapsed, setCollapsed] = useState(initiallyCollapsed);
  const toggle = () => {
    setCollapsed(!collapsed);
    try {
      window.localStorage.setItem(KEY, collapsed ? '0' : '1');
    } catch {
      // Remembering the choice is a nicety.
    }
  };
  return (
    <aside className={`guidelines-panel${collapsed ? ' collapsed' : ''}`} aria-label="Guidelines">
      <button type="button" aria-expanded={!collapsed} aria-controls="guidelines-body" onClick={toggle}>
        {collapsed ? 'Show guidelines' : 'Hide guidelines'}
      </button>
      <div id="guidelines-body" hidden={collapsed}>
        <GuidelinesText source={source} empty="This project has no guidelines." />
      </div>
    </aside>
  );
}
