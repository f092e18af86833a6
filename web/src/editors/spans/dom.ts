import { rangeBetween, snap, type TextIndex, u16ToCp } from './kernels.ts';

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
