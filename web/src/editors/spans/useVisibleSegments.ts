import { type RefObject, useEffect, useRef, useState } from 'react';

/**
 * Which segments of a long text are near the viewport, by IntersectionObserver on each segment's
 * block (`[data-seg]`) inside the scrolling `root`. Segments far away render as empty blocks of
 * their last measured height, so a 50,000-character text costs a few screens of DOM.
 */
export function useVisibleSegments(root: RefObject<HTMLElement | null>, count: number, initial = 3) {
  const [visible, setVisible] = useState<ReadonlySet<number>>(() => range(Math.min(count, initial)));
  const heights = useRef(new Map<number, number>());

  useEffect(() => {
    const el = root.current;
    heights.current.clear();
    setVisible((prev) => keepIfSame(prev, range(Math.min(count, initial))));
    if (!el || typeof IntersectionObserver === 'undefined') {
      setVisible(range(count));
      return;
    }
    const io = new IntersectionObserver(
      (entries) => {
        setVisible((prev) => {
          const next = new Set(prev);
          for (const e of entries) {
            const i = Number((e.target as HTMLElement).dataset.seg);
            if (e.isIntersecting) next.add(i);
            else {
              heights.current.set(i, e.boundingClientRect.height);
              next.delete(i);
            }
          }
          return keepIfSame(prev, next);
        });
      },
      // Render a screen or two beyond the edges so scrolling never shows an empty block.
      { root: el, rootMargin: '1200px 0px' },
    );
    for (const seg of Array.from(el.querySelectorAll('[data-seg]'))) io.observe(seg);
    return () => io.disconnect();
  }, [root, count, initial]);

  return { visible, heights: heights.current };
}

const range = (n: number) => new Set(Array.from({ length: n }, (_, i) => i));

/** `prev` when `next` holds the same segments: an unchanged set must not re-render the text. */
const keepIfSame = (prev: ReadonlySet<number>, next: ReadonlySet<number>) =>
  prev.size === next.size && [...next].every((i) => prev.has(i)) ? prev : next;
