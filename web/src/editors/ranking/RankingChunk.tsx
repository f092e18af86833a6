import { useEffect, useReducer, useRef, useState } from 'react';
import { screenChunk } from '../../app/lazy-screen.tsx';
import type { RankingProps } from './RankingEditor.tsx';
import { RankingView } from './RankingView.tsx';
import './ranking.css';

/** The ranking editor and its drag library are their own chunk: most projects never rank. */
const chunk = screenChunk(() => import('./RankingEditor.tsx').then((m) => m.RankingEditor));

/**
 * The ranking editor from its chunk (read-only answers need no chunk). Until it has arrived the
 * answer shows read-only; a chunk that cannot be fetched says so instead of failing the view.
 */
export function RankingChunk(props: RankingProps) {
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState(false);
  const Editor = chunk.loaded;
  const renderedWithout = useRef(!Editor);
  renderedWithout.current = !Editor;
  useEffect(() => {
    if (renderedWithout.current && !props.readOnly) chunk.preload().then(loaded, () => setFailed(true));
  }, [props.readOnly]);
  if (props.readOnly) return <RankingView value={props.value} candidates={props.candidates} />;
  if (Editor) return <Editor {...props} />;
  return (
    <p className="muted" aria-busy={!failed || undefined}>
      {failed ? 'The ranking editor could not be loaded; reload the page to rank.' : 'Loading the ranking…'}
    </p>
  );
}
