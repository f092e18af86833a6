import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RenderBoundary } from './AsTyped.tsx';

/** A child whose rendering throws, as a field with a renderer bug would. */
function Throws({ source }: { source: string }): never {
  throw new Error(`cannot render ${source.length} characters`);
}

function Fields() {
  const [source, setSource] = useState('A <b>field</b> with *Markdown*');
  const [clicks, setClicks] = useState(0);
  return (
    <>
      <section aria-label="Broken">
        <RenderBoundary source={source}>
          {source.startsWith('fine') ? <p>{source}</p> : <Throws source={source} />}
        </RenderBoundary>
      </section>
      <section aria-label="Other">
        <RenderBoundary source="other">
          <p>The other field</p>
        </RenderBoundary>
      </section>
      <button type="button" onClick={() => setClicks(clicks + 1)}>
        Clicked {clicks}
      </button>
      <button type="button" onClick={() => setSource('fine now')}>
        Next item
      </button>
    </>
  );
}

/** Test fixture for RenderBoundary (boundary.test.ts), bundled and run in Chromium. */
export function mount(element: HTMLElement): void {
  createRoot(element).render(<Fields />);
}
