import { memo, type RefObject, useMemo, useRef } from 'react';
import { textParts } from './long-text.ts';
import { useProgressive } from './progressive.ts';
import { RichText } from './RichText.tsx';

/** Characters formatted before the first paint: about a screen of a half-width column. */
const FIRST_SCREEN_CHARS = 1500;

/**
 * Markdown (or plain text) that may be long: cut into parts (long-text.ts), the first screen
 * formatted at once and the rest as it nears the visible part of `scroller` (or the window) or
 * when the browser is idle. A part not formatted yet shows its text as typed, so the page never
 * has holes and its height is about right.
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
  const rendered = useProgressive(box, sizes, { initialChars: FIRST_SCREEN_CHARS, scroller: props.scroller });
  if (!markdown) return <div className={`item-text plain ${props.className ?? ''}`}>{source}</div>;
  return (
    <div className={`long-text ${props.className ?? ''}`} ref={box}>
      {parts.map((part, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one text, never reordered
        <div key={i} data-part={i} className="long-text-part">
          {rendered.has(i) ? <RichText source={part} /> : <div className="pending-text">{part}</div>}
        </div>
      ))}
    </div>
  );
});
