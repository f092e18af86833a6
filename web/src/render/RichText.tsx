import { useEffect, useMemo, useReducer, useState } from 'react';
import { AsTyped, RenderBoundary } from './AsTyped.tsx';

type Renderer = typeof import('./rich-text.ts');
/** The rendering pipeline (Markdown, DOMPurify) is its own chunk: most items are plain text. */
let renderer: Renderer | undefined;

/**
 * Markdown, maths and code, rendered and sanitised (see rich-text.ts); never raw item HTML. The
 * first rich text on a page waits for its renderers (busy and empty for that moment); after that
 * a text needing nothing new renders at once. A text over a rendering limit (limits.ts), or one
 * whose rendering throws, is shown as typed with a notice, and nothing else on the page is hurt.
 */
export function RichText({ source, className }: { source: string; className?: string }) {
  return (
    <RenderBoundary source={source} className={className}>
      <Formatted source={source} className={className} />
    </RenderBoundary>
  );
}

/**
 * Starts fetching the rendering pipeline with the maths and code renderers, for a page that will
 * surely need them (a conversation or candidate answers, which are STEM work): they load while the
 * item is still on its way instead of after it has arrived.
 */
export function preloadRichText(): void {
  void Promise.all([import('./rich-text.ts'), import('./math.ts'), import('./highlight.ts')]).catch(
    () => undefined,
  );
}

function Formatted({ source, className }: { source: string; className?: string }) {
  const ready = renderer?.isPrepared(source) ? renderer : undefined;
  const [, loaded] = useReducer((n: number) => n + 1, 0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (ready) return;
    let live = true;
    // The renderers the text may need are fetched beside the pipeline, not after it (one round
    // trip and one script's evaluation less before a formula can show); rich-text.ts decides.
    if (source.includes('$')) void import('./math.ts').catch(() => undefined);
    if (source.includes('```') || source.includes('~~~'))
      void import('./highlight.ts').catch(() => undefined);
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
  const result = useMemo(() => ready?.renderRichText(source), [ready, source]);
  // The renderers could not be fetched (offline with an old tab): the text itself still reads.
  if (failed && result === undefined)
    return <AsTyped source={source} why={{ reason: 'unavailable' }} className={className} />;
  if (result && 'unformatted' in result)
    return <AsTyped source={source} why={result.unformatted} className={className} />;
  return (
    <div
      className={`rich-text ${className ?? ''}`}
      aria-busy={result === undefined || undefined}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: html comes from renderRichText, which sanitises it
      dangerouslySetInnerHTML={{ __html: result?.html ?? '' }}
    />
  );
}
