import { type RefObject, useEffect, useState } from 'react';

/** Rows within this distance of the viewport are mounted, so Tab and scrolling meet them ready. */
const MARGIN = '800px 0px';

let observer: IntersectionObserver | undefined;
const waiting = new Map<Element, () => void>();

/** One observer for every row on the page: a 200-turn conversation is 100 rows, not 100 observers. */
function observe(el: Element, onNear: () => void): () => void {
  if (typeof IntersectionObserver !== 'function') {
    onNear();
    return () => undefined;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        waiting.get(e.target)?.();
        waiting.delete(e.target);
        observer?.unobserve(e.target);
      }
    },
    { rootMargin: MARGIN },
  );
  waiting.set(el, onNear);
  observer.observe(el);
  return () => {
    waiting.delete(el);
    observer?.unobserve(el);
  };
}

/**
 * Whether `ref`'s element has come near the viewport (or `force` asks for it now): once true it
 * stays true, so controls mounted for a row are never torn down under the tutor's hands.
 */
export function useNearViewport(ref: RefObject<Element | null>, force: boolean): boolean {
  const [near, setNear] = useState(force);
  useEffect(() => {
    if (near || force) {
      if (!near) setNear(true);
      return;
    }
    const el = ref.current;
    return el ? observe(el, () => setNear(true)) : undefined;
  }, [near, force, ref]);
  return near || force;
}
