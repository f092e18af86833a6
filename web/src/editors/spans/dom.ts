import { rangeBetween, type Segment, segmentAt, snap, type TextIndex, u16ToCp } from './kernels.ts';
import { firstTextBelow, textY } from './rendered-dom.ts';

/**
 * The thin DOM edge of the span tool: a DOM selection point (node, UTF-16 offset) to a global
 * code point. Every rendered piece of text is an element with `data-s` (its first code point)
 * holding exactly that text, so the piece's start plus the offset inside it is the global offset.
 */
export function pointToCp(index: TextIndex, node: Node, offset: number): number | undefined {
  if (node.nodeType === Node.TEXT_NODE) {
    const piece = node.parentElement?.closest<HTMLElement>('[data-s]');
    if (!piece) return undefined;
    return u16ToCp(index, index.starts[Number(piece.dataset.s)]! + offset);
  }
  if (!(node instanceof HTMLElement)) return undefined;
  if (node.dataset.s !== undefined) return offset === 0 ? Number(node.dataset.s) : endOf(index, node);
  // A point between children of a segment (or of the whole text): the next child's start.
  const child = node.childNodes[offset];
  if (child instanceof HTMLElement) return startOf(child) ?? undefined;
  const last = node.childNodes[offset - 1];
  return last instanceof HTMLElement ? endOf(index, last) : undefined;
}

function startOf(el: HTMLElement): number | undefined {
  const s = el.dataset.s ?? el.dataset.start;
  return s === undefined ? undefined : Number(s);
}

function endOf(index: TextIndex, el: HTMLElement): number | undefined {
  if (el.dataset.end !== undefined) return Number(el.dataset.end);
  const s = startOf(el);
  return s === undefined ? undefined : u16ToCp(index, index.starts[s]! + (el.textContent ?? '').length);
}

/** The window selection inside `container` as a snapped code point range, or undefined. */
export function selectedRange(
  container: HTMLElement,
  index: TextIndex,
): { start: number; end: number } | undefined {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return undefined;
  const r = sel.getRangeAt(0);
  if (!container.contains(r.startContainer) || !container.contains(r.endContainer)) return undefined;
  const a = pointToCp(index, r.startContainer, r.startOffset);
  const b = pointToCp(index, r.endContainer, r.endOffset);
  return a === undefined || b === undefined ? undefined : rangeBetween(index, a, b);
}

/** The code point nearest a click, from the collapsed selection the click left. */
export function clickedPoint(container: HTMLElement, index: TextIndex): number | undefined {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || !container.contains(sel.anchorNode)) return undefined;
  const cp = sel.anchorNode ? pointToCp(index, sel.anchorNode, sel.anchorOffset) : undefined;
  return cp === undefined ? undefined : snap(index, cp, 'nearest');
}

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
