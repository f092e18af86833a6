import { memo, type RefObject, useMemo, useRef } from 'react';
import type { ChatTurn } from '../../../core/interface/index.ts';
import { LongText } from './LongText.tsx';
import { estimatedHeightEm } from './long-text.ts';
import { useNearParts } from './progressive.ts';
import './tutoring.css';

const ROLE_NAMES: Record<string, string> = { system: 'System', user: 'User', assistant: 'Assistant' };

/** Characters of turns formatted before the first paint: more than the box shows. */
const FIRST_SCREEN_CHARS = 2500;
/** Characters a line in the box at full width, for the height a turn reserves before its layout. */
const PER_LINE = 110;

/**
 * A `chat` field: the conversation, one turn after another, each labelled with its role and
 * number, its content Markdown with maths and code (sanitised, as every item text). In a box that
 * scrolls on its own; a long conversation (2,000 turns, a million characters) opens at once and
 * scrolls fluidly: only the turns within about a screen of the visible part of the box are
 * formatted (progressive.ts; the others show their text as typed), and turns off screen are
 * neither laid out nor painted (content-visibility).
 */
export const Conversation = memo(function Conversation(props: { turns: readonly ChatTurn[]; label: string }) {
  const { turns } = props;
  const sizes = useMemo(() => turns.map((t) => t.content.length), [turns]);
  const box = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const rendered = useNearParts(list, sizes, { initialChars: FIRST_SCREEN_CHARS, scroller: box });
  if (turns.length === 0) return <p className="muted">No conversation.</p>;
  return (
    <section
      ref={box}
      className="chat-box"
      aria-label={`${props.label}: ${turns.length} ${turns.length === 1 ? 'turn' : 'turns'}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
      tabIndex={0}
      data-testid="conversation"
    >
      <ol className="chat" ref={list}>
        {turns.map((t, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: turns are fixed item data, never reordered
          <Turn key={i} index={i} turn={t} formatted={rendered.has(i)} scroller={box} />
        ))}
      </ol>
    </section>
  );
});

const Turn = memo(function Turn(props: {
  index: number;
  turn: ChatTurn;
  formatted: boolean;
  scroller: RefObject<HTMLElement | null>;
}) {
  const { turn } = props;
  return (
    <li
      className={`turn turn-${turn.role}`}
      data-part={props.index}
      data-formatted={props.formatted || undefined}
      // Role line and padding, then the text: where End and PgDn land before a turn is laid out.
      style={{ containIntrinsicSize: `auto ${2.5 + estimatedHeightEm(turn.content, PER_LINE)}em` }}
    >
      <p className="turn-role">
        {ROLE_NAMES[turn.role] ?? turn.role} <span className="turn-number">#{props.index + 1}</span>
      </p>
      {props.formatted ? (
        <LongText source={turn.content} markdown scroller={props.scroller} className="item-text" />
      ) : (
        <div className="pending-text item-text">{turn.content}</div>
      )}
    </li>
  );
});
