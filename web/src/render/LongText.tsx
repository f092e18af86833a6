import { memo, type RefObject, useMemo, useRef } from 'react';
import { estimatedHeightEm, textParts } from './long-text.ts';
import { useNearParts } from './progressive.ts';
import { RichText } from './RichText.tsx';

/** Characters formatted before the first paint: about a screen of a half-width column. */
const FIRST_SCREEN_CHARS = 600;
/** Characters a line in a half-width column, for the height a part reserves before its layout. */
const PER_LINE = 75;

/**
 * Markdown (or plain text) that may be long: cut into parts (long-text.ts), the first screen
 * formatted at once and the others while they are within about a screen of the visible part of
 * `scroller` (or the window; progressive.ts). A part not formatted shows its text as typed, so
 * the page never has holes, find in page finds it, and its height is about right.
 */
export const LongText = memo(function LongText(props: {
  source: string;
  markdown: boolean;
  scroller?: RefObject<HTMLElement | null> | undefined;
  className?: string;
}) {
  const { source, markdown } = props;
  const parts = useMemo(() => (markdown ? textParts(source) : [source]), [source, markdown]);
  const sizes = useMemo(() => parts.map((p) => p.length), [parts]);
  const box = useRef<HTMLDivElement>(null);
  const rendered = useNearParts(box, sizes, { initialChars: FIRST_SCREEN_CHARS, scroller: props.scroller });
  if (!markdown) return <div className={`item-text plain ${props.className ?? ''}`}>{source}</div>;
  return (
    <div className={`long-text ${props.className ?? ''}`} ref={box}>
      {parts.map((part, i) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, never reordered
          key={i}
          data-part={i}
          className="long-text-part"
          style={{ containIntrinsicSize: `auto ${estimatedHeightEm(part, PER_LINE)}em` }}
        >
          {rendered.has(i) ? <RichText source={part} /> : <div className="pending-text">{part}</div>}
        </div>
      ))}
    </div>
  );
});
