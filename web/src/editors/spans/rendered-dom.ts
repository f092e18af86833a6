/**
 * The DOM edge of the rendered pane: the text a rendered field shows, as one string with the text
 * nodes it came from, and the geometry scroll syncing needs (which text is at the top of a
 * scrolled box, how far down a piece of text is). Offsets are UTF-16 indices into that string.
 */
export interface RenderedText {
  readonly text: string;
  readonly nodes: readonly Text[];
  /** `starts[k]` is where `nodes[k]` begins in `text`; `starts[nodes.length]` is its length. */
  readonly starts: readonly number[];
  /** Indices of the nodes with visible text: whitespace between blocks has no box to measure. */
  readonly inked: readonly number[];
}

/**
 * The text nodes under `root` in document order, leaving out formulas: KaTeX draws glyphs and
 * hides a MathML copy, neither of which is the source's TeX, so spans in maths are not painted.
 */
export function collectRenderedText(root: HTMLElement): RenderedText {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.nodeType === Node.TEXT_NODE
        ? NodeFilter.FILTER_ACCEPT
        : (n as Element).classList.contains('katex')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_SKIP,
  });
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  const inked: number[] = [];
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (/\S/.test(t.data)) inked.push(nodes.length);
    nodes.push(t);
    starts.push(at);
    parts.push(t.data);
    at += t.data.length;
  }
  starts.push(at);
  return { text: parts.join(''), nodes, starts, inked };
}

/** Index of the node holding offset `off` (for an end offset, `end` picks the node it closes). */
function nodeAt(rt: RenderedText, off: number, end = false): number {
  let lo = 0;
  let hi = rt.nodes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = rt.starts[mid]!;
    if (s < off || (s === off && !end)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A DOM Range over rendered offsets `start..end`. */
export function renderedRange(rt: RenderedText, start: number, end: number): Range {
  const r = document.createRange();
  const a = nodeAt(rt, start);
  const b = nodeAt(rt, end, true);
  r.setStart(rt.nodes[a]!, start - rt.starts[a]!);
  r.setEnd(rt.nodes[b]!, end - rt.starts[b]!);
  return r;
}

/** Distance from the top of `box`'s scrolled content to the line holding rendered offset `off`. */
export function renderedY(box: HTMLElement, rt: RenderedText, off: number): number | undefined {
  if (rt.nodes.length === 0) return undefined;
  const k = nodeAt(rt, Math.min(off, rt.text.length - 1));
  const node = rt.nodes[k]!;
  const local = Math.min(off - rt.starts[k]!, Math.max(0, node.data.length - 1));
  return textY(box, node, local);
}

/** The rendered offset of the first text at or below the top edge of `box`'s viewport. */
export function renderedTop(box: HTMLElement, rt: RenderedText): number | undefined {
  const hit = firstTextBelow(rt.nodes, rt.inked, box.getBoundingClientRect().top + 1);
  return hit && rt.starts[hit.index]! + hit.offset;
}

/** Content y (from the top of `box`'s scrolled content) of character `offset` of `node`. */
export function textY(box: HTMLElement, node: Text, offset: number): number {
  const r = document.createRange();
  r.setStart(node, offset);
  r.setEnd(node, Math.min(node.data.length, offset + 1));
  const rect = r.getBoundingClientRect();
  const top = rect.height > 0 ? rect.top : (node.parentElement?.getBoundingClientRect().top ?? 0);
  return top - box.getBoundingClientRect().top + box.scrollTop;
}

function charBottom(node: Text, offset: number): number {
  const r = document.createRange();
  r.setStart(node, offset);
  r.setEnd(node, offset + 1);
  return r.getBoundingClientRect().bottom;
}

/**
 * The first character, of the nodes `candidates` picks out of `nodes` (in document order, each
 * with visible text), whose line ends below viewport y `y`: a binary search over the nodes, then
 * over the characters of one.
 */
export function firstTextBelow(
  nodes: readonly Text[],
  candidates: readonly number[],
  y: number,
): { index: number; offset: number } | undefined {
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const r = document.createRange();
    r.selectNodeContents(nodes[candidates[mid]!]!);
    if (r.getBoundingClientRect().bottom > y) hi = mid;
    else lo = mid + 1;
  }
  const index = candidates[lo];
  if (index === undefined) return undefined;
  const node = nodes[index]!;
  let a = 0;
  let b = node.data.length - 1;
  while (a < b) {
    const mid = (a + b) >> 1;
    if (charBottom(node, mid) > y) b = mid;
    else a = mid + 1;
  }
  return { index, offset: a };
}
