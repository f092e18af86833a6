import { type RefObject, useEffect, useState } from 'react';

/**
 * A long list of parts to render (a conversation's turns, the pieces of a long answer), windowed
 * so the first screen shows at once, scrolling stays fluid and the page never holds more than a
 * few screens of formatted text: the first parts up to `initialChars` characters at once, then
 * whichever parts are within about a screen of what is visible in `scroller` (or the window),
 * by IntersectionObserver on the container's `[data-part]` children. A part that moves far out
 * of view is dropped again; the caller shows its text as typed there, in a box that keeps the
 * height it had (`content-visibility: auto` remembers it), so nothing jumps. Dropping matters:
 * a long answer formatted whole is tens of thousands of elements, and taking them off the page
 * when the next item comes costs more than showing it (docs/benchmarks-history.md). A new
 * `sizes` (another text) starts over.
 */
export function useNearParts(
  container: RefObject<HTMLElement | null>,
  sizes: readonly number[],
  opts: { initialChars: number; scroller?: RefObject<HTMLElement | null> | undefined },
): ReadonlySet<number> {
  const { initialChars, scroller } = opts;
  const [state, setState] = useState(() => ({ sizes, near: firstParts(sizes, initialChars) }));
  const current = state.sizes === sizes ? state : { sizes, near: firstParts(sizes, initialChars) };
  if (current !== state) setState(current);

  useEffect(() => {
    const el = container.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) =>
        setState((s) => {
          if (s.sizes !== sizes) return s;
          const near = new Set(s.near);
          for (const e of entries) {
            const i = Number((e.target as HTMLElement).dataset.part);
            if (e.isIntersecting) near.add(i);
            else near.delete(i);
          }
          return sameSet(near, s.near) ? s : { sizes, near };
        }),
      { root: scroller?.current ?? null, rootMargin: '800px 0px' },
    );
    for (const part of Array.from(el.querySelectorAll(':scope > [data-part]'))) io.observe(part);
    return () => io.disconnect();
  }, [container, scroller, sizes]);

  return current.near;
}

/** The parts from the first on, up to `chars` characters (at least one part). */
export function firstParts(sizes: readonly number[], chars: number): Set<number> {
  const out = new Set<number>();
  let total = 0;
  for (let i = 0; i < sizes.length && (out.size === 0 || total < chars); i++) {
    out.add(i);
    total += sizes[i]!;
  }
  return out;
}

const sameSet = (a: ReadonlySet<number>, b: ReadonlySet<number>) =>
  a.size === b.size && [...a].every((i) => b.has(i));
