import { useEffect, useMemo, useReducer, useState } from 'react';

type Renderer = typeof import('./rich-text.ts');
/** The rendering pipeline (Markdown, DOMPurify) is its own chunk: most items are plain text. */
let renderer: Renderer | undefined;

/**
 * Markdown, maths and code, rendered and sanitised (see rich-text.ts); never raw item HTML. The
 * first rich text on a page waits for its renderers (busy and empty for that moment); after that
 * a text needing nothing new renders at once.
 */
export function RichText({ source, className }: { source: string; className?: string }) {
  const ready = renderer?.isPrepared(source) ? renderer : undefined;
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (ready) return;
    let live = true;
    import('./rich-text.ts')
      .then(async (r) => {
        renderer = r;
        await r.prepareRichText(source);
        if (live) loaded();
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [ready, source]);
  const html = useMemo(() => ready?.renderRichText(source), [ready, source]);
  // The renderers could not be fetched (offline with an old tab): the text itself still reads.
  if (failed && html === undefined)
    return <div className={`rich-text plain ${className ?? ''}`}>{source}</div>;
  return (
    <div
      className={`rich-text ${className ?? ''}`}
      aria-busy={html === undefined || undefined}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: html comes from renderRichText, which sanitises it
      dangerouslySetInnerHTML={{ __html: html ?? '' }}
    />
  );
}
