import { type Segment, segmentAt, type TextIndex, u16ToCp } from './kernels.ts';
import { firstTextBelow, textY } from './rendered-dom.ts';

/**
 * The span text's geometry for scrolling in step with the rendered pane: which code point is at
 * the top of its viewport, and how far down its content a code point is. Segments far from view
 * are placeholders without text; inside one, positions are taken in proportion to its height.
 */

/** The segment blocks of a span text, in order (placeholders included). */
const segmentsOf = (container: HTMLElement) =>
  Array.from(container.querySelectorAll<HTMLElement>(':scope > [data-seg]'));

/** The pieces of a rendered segment that hold text, with their text nodes. */
function textPieces(seg: HTMLElement): { starts: number[]; nodes: Text[] } {
  const starts: number[] = [];
  const nodes: Text[] = [];
  for (const el of Array.from(seg.querySelectorAll<HTMLElement>('[data-s]'))) {
    const t = el.firstChild;
    if (t instanceof Text && t.data.length > 0) {
      starts.push(Number(el.dataset.s));
      nodes.push(t);
    }
  }
  return { starts, nodes };
}

/**
 * The code point at the top of the span text's viewport: exact in a rendered segment, in
 * proportion to the height of a placeholder (a segment far from view that is not rendered).
 */
export function sourceTop(container: HTMLElement, index: TextIndex): number | undefined {
  const y = container.getBoundingClientRect().top + 1;
  const segs = segmentsOf(container);
  let lo = 0;
  let hi = segs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.getBoundingClientRect().bottom > y) hi = mid;
    else lo = mid + 1;
  }
  const seg = segs[lo];
  if (!seg) return undefined;
  const start = Number(seg.dataset.start);
  const end = Number(seg.dataset.end);
  if (!seg.classList.contains('placeholder')) {
    const { starts, nodes } = textPieces(seg);
    const hit = firstTextBelow(
      nodes,
      nodes.map((_, k) => k),
      y,
    );
    if (hit) return u16ToCp(index, index.starts[starts[hit.index]!]! + hit.offset);
  }
  const rect = seg.getBoundingClientRect();
  const f = rect.height > 0 ? Math.min(1, Math.max(0, (y - rect.top) / rect.height)) : 0;
  return start + Math.round(f * (end - start));
}

/** Distance from the top of the span text's scrolled content to code point `cp`'s line. */
export function sourceY(
  container: HTMLElement,
  index: TextIndex,
  segments: readonly Segment[],
  cp: number,
): number | undefined {
  const i = segmentAt(segments, cp);
  const seg = container.querySelector<HTMLElement>(`:scope > [data-seg="${i}"]`);
  const s = segments[i];
  if (!seg || !s) return undefined;
  if (!seg.classList.contains('placeholder')) {
    const { starts, nodes } = textPieces(seg);
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > cp) k--;
    const node = nodes[k];
    if (node) {
      const off = index.starts[cp]! - index.starts[starts[k]!]!;
      return textY(container, node, Math.max(0, Math.min(off, node.data.length - 1)));
    }
  }
  const rect = seg.getBoundingClientRect();
  const top = rect.top - container.getBoundingClientRect().top + container.scrollTop;
  return top + (s.end > s.start ? ((cp - s.start) / (s.end - s.start)) * rect.height : 0);
}
