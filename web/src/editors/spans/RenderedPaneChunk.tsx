import { useEffect, useReducer, useRef, useState } from 'react';
import { screenChunk } from '../../app/lazy-screen.tsx';
import type { RenderedPaneProps } from './RenderedPane.tsx';

/** The rendered pane and its alignment are their own chunk: plain-text items never need them. */
const chunk = screenChunk(() => import('./RenderedPane.tsx').then((m) => m.RenderedPane));

/**
 * The rendered pane from its chunk. Not React.lazy, for the reason lazy-screen.tsx gives (a
 * Suspense boundary reveals no sooner than 300 ms after its fallback); and a chunk that cannot
 * be fetched (offline, with an old tab) leaves a sentence here instead of failing the view.
 */
export function RenderedPaneChunk(props: RenderedPaneProps) {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState(false);
  const Pane = chunk.loaded;
  const renderedWithout = useRef(!Pane);
  renderedWithout.current = !Pane;
  // Rendered without the chunk (even if it arrived since): render again once it is here.
  useEffect(() => {
    if (renderedWithout.current) chunk.preload().then(loaded, () => setFailed(true));
  }, []);
  if (Pane) return <Pane {...props} />;
  return (
    <p className="muted">
      {failed ? 'The rendered text could not be loaded; the source is complete.' : 'Rendering…'}
    </p>
  );
}
