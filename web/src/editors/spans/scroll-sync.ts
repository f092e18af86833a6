/**
 * Two scrolling boxes showing the same document differently (the span text and its rendering),
 * kept in step: when one scrolls, the other scrolls so that the text now at the top of the first
 * is at the same height in the second. Positions are each side's own (code points in the source,
 * UTF-16 offsets in the rendered text); `toOther` maps between them through the alignment's
 * matched text, so the anchor is the text itself, not the fraction scrolled.
 */
export interface ScrollSide {
  readonly box: HTMLElement;
  /** The position at the top of the box's viewport. */
  top(): number | undefined;
  /** Distance from the top of the box's scrolled content to the line holding `pos`. */
  y(pos: number): number | undefined;
  /** `pos` mapped to the other side's position. */
  toOther(pos: number): number;
}

type Side = 'source' | 'rendered';

/** Moves `follower` so it shows what `leader` shows at its top. */
function follow(leader: ScrollSide, follower: ScrollSide): void {
  const lead = leader.box;
  const box = follower.box;
  if (lead.scrollTop <= 0) {
    box.scrollTop = 0;
    return;
  }
  if (lead.scrollTop + lead.clientHeight >= lead.scrollHeight - 1) {
    box.scrollTop = box.scrollHeight;
    return;
  }
  const pos = leader.top();
  if (pos === undefined) return;
  const target = follower.y(leader.toOther(pos));
  const from = leader.y(pos);
  if (target === undefined) return;
  // The line keeps its height in the viewport: the same text sits level in both boxes.
  box.scrollTop = target - (from === undefined ? 0 : from - lead.scrollTop);
}

/**
 * Links two sides until the returned function is called. The first side leads at once. A scroll
 * the link itself caused is recognised by its position and not followed back.
 */
export function linkScrolling(source: ScrollSide, rendered: ScrollSide): () => void {
  const sides = { source, rendered };
  const caused: Record<Side, number | undefined> = { source: undefined, rendered: undefined };
  let frame = 0;
  let settle: ReturnType<typeof setTimeout> | undefined;
  const lead = (from: Side) => {
    const to: Side = from === 'source' ? 'rendered' : 'source';
    const before = sides[to].box.scrollTop;
    follow(sides[from], sides[to]);
    const after = sides[to].box.scrollTop;
    caused[to] = after !== before ? after : undefined;
  };
  const onScroll = (from: Side) => () => {
    const expected = caused[from];
    caused[from] = undefined;
    if (expected !== undefined && Math.abs(sides[from].box.scrollTop - expected) < 2) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => lead(from));
    // A segment of the span text rendered in place of its placeholder changes heights: once the
    // scrolling stops, follow again.
    clearTimeout(settle);
    settle = setTimeout(() => lead(from), 150);
  };
  const handlers = { source: onScroll('source'), rendered: onScroll('rendered') };
  source.box.addEventListener('scroll', handlers.source, { passive: true });
  rendered.box.addEventListener('scroll', handlers.rendered, { passive: true });
  lead('source');
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(settle);
    source.box.removeEventListener('scroll', handlers.source);
    rendered.box.removeEventListener('scroll', handlers.rendered);
  };
}
