import { type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import type { SpanAnswer } from '../../../../core/interface/index.ts';
import { RichText } from '../../render/RichText.tsx';
import { type Alignment, alignRendered, mapPosition, renderedRanges } from './align.ts';
import {
  clearHighlights,
  highlightsSupported,
  paintHighlights,
  SELECTION_HIGHLIGHT,
  spanHighlight,
} from './highlights.ts';
import { type Segment, type TexTokens, type TextIndex, u16ToCp } from './kernels.ts';
import { markdownChunks } from './md-chunks.ts';
import {
  collectRenderedText,
  type RenderedText,
  renderedRange,
  renderedTop,
  renderedY,
} from './rendered-dom.ts';
import { linkScrolling } from './scroll-sync.ts';
import { sourceTop, sourceY } from './source-dom.ts';

export interface RenderedPaneProps {
  label: string;
  index: TextIndex;
  tex: TexTokens;
  segments: readonly Segment[];
  spans: readonly SpanAnswer[];
  colorOf: (label: string) => number;
  selection: { start: number; end: number } | undefined;
  /** The span text's scrolling box, to scroll in step with. */
  sourceRef: RefObject<HTMLDivElement | null>;
}

/** Runs `fn` when the browser is idle (soon at the latest); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 300 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 50);
  return () => clearTimeout(id);
}

interface View {
  /** The text aligned: a view of an earlier text (the preview's sample changed) is not used. */
  index: TextIndex;
  rt: RenderedText;
  al: Alignment;
}

/**
 * The field rendered (Markdown, maths, code) beside its raw span text, with the spans painted
 * wherever the rendering shows their text (align.ts) and scrolling in step with the source. It
 * renders once the source is on screen and the browser is idle, so the span text never waits, and
 * a long text renders a chunk (md-chunks.ts) per idle moment; once all are in, it is aligned.
 */
export function RenderedPane(p: RenderedPaneProps) {
  const { index } = p;
  const box = useRef<HTMLElement>(null);
  const [aligned, setView] = useState<View>();
  const view = aligned?.index === index ? aligned : undefined;
  const skip = useMemo(
    () => p.tex.maths.map((t) => ({ start: index.starts[t.start]!, end: index.starts[t.end]! })),
    [p.tex, index],
  );
  const chunks = useMemo(() => markdownChunks(index.text, skip), [index, skip]);
  // How many chunks are rendered; back to none for another text.
  const [progress, setProgress] = useState({ chunks, shown: 0 });
  if (progress.chunks !== chunks) setProgress({ chunks, shown: 0 });
  const shown = progress.chunks === chunks ? progress.shown : 0;
  const shownRef = useRef(shown);
  shownRef.current = shown;

  // On each change of the rendered DOM (a chunk, the renderers arriving): once nothing waits for
  // its renderers, render the next chunk, or align when all are in.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let cancel = () => {};
    const step = () => {
      cancel();
      cancel = whenIdle(() => {
        if (el.querySelector('[aria-busy="true"]')) return;
        if (shownRef.current < chunks.length) {
          setProgress((p) => (p.chunks === chunks ? { chunks, shown: p.shown + 1 } : p));
          return;
        }
        const t0 = performance.now();
        const rt = collectRenderedText(el);
        const al = alignRendered(index.text, rt.text, skip);
        performance.measure('verity:spans-align', { start: t0 });
        setView({ index, rt, al });
      });
    };
    const observer = new MutationObserver(step);
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    step();
    return () => {
      observer.disconnect();
      cancel();
    };
  }, [index, skip, chunks]);

  const spansOwner = useMemo(() => Symbol('spans'), []);
  const selectionOwner = useMemo(() => Symbol('selection'), []);
  useEffect(
    () => () => {
      clearHighlights(spansOwner);
      clearHighlights(selectionOwner);
    },
    [spansOwner, selectionOwner],
  );

  const { spans, colorOf, selection } = p;
  useEffect(() => {
    if (!view) return;
    const t0 = performance.now();
    const byName = new Map<string, Range[]>();
    for (const s of spans) {
      const name = spanHighlight(colorOf(s.label));
      const ranges = byName.get(name) ?? [];
      byName.set(name, ranges);
      for (const part of renderedRanges(view.al, {
        start: index.starts[s.start]!,
        end: index.starts[s.end]!,
      }))
        ranges.push(renderedRange(view.rt, part.start, part.end));
    }
    paintHighlights(spansOwner, byName);
    performance.measure('verity:spans-paint', { start: t0 });
    box.current?.setAttribute('data-painted', String(spans.length));
  }, [view, spans, colorOf, index, spansOwner]);

  useEffect(() => {
    if (!view) return;
    const parts = selection
      ? renderedRanges(view.al, { start: index.starts[selection.start]!, end: index.starts[selection.end]! })
      : [];
    const ranges = parts.map((part) => renderedRange(view.rt, part.start, part.end));
    paintHighlights(selectionOwner, new Map([[SELECTION_HIGHLIGHT, ranges]]));
  }, [view, selection, index, selectionOwner]);

  const { sourceRef, segments } = p;
  useEffect(() => {
    const src = sourceRef.current;
    const el = box.current;
    if (!view || !src || !el) return;
    return linkScrolling(
      {
        box: src,
        top: () => sourceTop(src, index),
        y: (cp) => sourceY(src, index, segments, cp),
        toOther: (cp) => mapPosition(view.al, index.starts[cp]!, 'source'),
      },
      {
        box: el,
        top: () => renderedTop(el, view.rt),
        y: (off) => renderedY(el, view.rt, off),
        toOther: (off) => u16ToCp(index, mapPosition(view.al, off, 'rendered')),
      },
    );
  }, [view, index, segments, sourceRef]);

  return (
    <>
      {!highlightsSupported() && (
        <p className="muted small">This browser cannot mark the spans here; they are marked in the source.</p>
      )}
      <section
        ref={box}
        className="rendered-pane"
        aria-label={`${p.label}, rendered`}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        tabIndex={0}
        data-testid="rendered-pane"
        data-aligned={view ? 'true' : undefined}
      >
        {shown === 0 && <p className="muted">Rendering…</p>}
        {chunks.slice(0, shown).map((c) => (
          <RichText key={c.start} source={index.text.slice(c.start, c.end)} className="item-text" />
        ))}
      </section>
    </>
  );
}
