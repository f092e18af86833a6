import { type RefObject, useEffect, useState } from 'react';

/**
 * A long list of parts to render (a conversation's turns, the pieces of a long answer), rendered
 * progressively so the first screen shows at once and scrolling stays fluid: the first parts up
 * to `initialChars` characters at once, then whichever parts come within about a screen of
 * what is visible (IntersectionObserver on the container's `[data-part]` children), and the rest
 * about one part per idle moment, so the whole text is there soon (find in page).
 * A part, once rendered, stays rendered. `sizes` are the parts' lengths in characters; a new
 * `sizes` (another text) starts over.
 */
export function useProgressive(
  container: RefObject<HTMLElement | null>,
  sizes: readonly number[],
  opts: { initialChars: number; scroller?: RefObject<HTMLElement | null> | undefined },
): ReadonlySet<number> {
  const { initialChars, scroller } = opts;
  const [state, setState] = useState(() => ({ sizes, rendered: firstParts(sizes, initialChars) }));
  const current = state.sizes === sizes ? state : { sizes, rendered: firstParts(sizes, initialChars) };
  if (current !== state) setState(current);
  const { rendered } = current;
  const add = (more: Iterable<number>) =>
    setState((s) => {
      if (s.sizes !== sizes) return s;
      const next = new Set(s.rendered);
      for (const i of more) next.add(i);
      return next.size === s.rendered.size ? s : { sizes, rendered: next };
    });

  // Parts near the visible part of the scroller (or the window) render first.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `add` is rebuilt per render; sizes keys it
  useEffect(() => {
    const el = container.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) =>
        add(
          entries.filter((e) => e.isIntersecting).map((e) => Number((e.target as HTMLElement).dataset.part)),
        ),
      { root: scroller?.current ?? null, rootMargin: '800px 0px' },
    );
    for (const part of Array.from(el.querySelectorAll(':scope > [data-part]'))) io.observe(part);
    return () => io.disconnect();
  }, [container, scroller, sizes]);

  // The rest, one part per idle moment, after each render.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `add` is rebuilt per render; rendered keys it
  useEffect(() => {
    if (rendered.size >= sizes.length) return;
    return whenIdle(() => add(nextParts(sizes, rendered, IDLE_CHARS)));
  }, [rendered, sizes]);

  return rendered;
}

/** Characters of text rendered per idle moment: about one part, a few milliseconds of formatting. */
const IDLE_CHARS = 1500;

/** The parts from the first on, up to `chars` characters (at least one part). */
export function firstParts(sizes: readonly number[], chars: number): Set<number> {
  return nextParts(sizes, new Set(), chars);
}

/** The next parts not yet rendered, in order, up to `chars` characters (at least one). */
export function nextParts(
  sizes: readonly number[],
  rendered: ReadonlySet<number>,
  chars: number,
): Set<number> {
  const out = new Set<number>();
  let total = 0;
  for (let i = 0; i < sizes.length && (out.size === 0 || total < chars); i++) {
    if (rendered.has(i)) continue;
    out.add(i);
    total += sizes[i]!;
  }
  return out;
}

/** Runs `fn` when the browser is idle (soon at the latest); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 30);
  return () => clearTimeout(id);
}
