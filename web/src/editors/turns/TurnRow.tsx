import { type KeyboardEvent, memo, useEffect, useRef, useState } from 'react';
import type { TurnMark, TurnsQuestion } from '../../../../core/interface/index.ts';
import { RichText } from '../../render/RichText.tsx';
import { digitPick } from '../digit-pick.ts';
import { useNearViewport } from '../useNearViewport.ts';
import { excerpt, markSummary, type TurnPatch, toggleFlag } from './marks.ts';

export interface TurnRowProps {
  /** What is asked of each turn: a turns question's settings, or a live question's. */
  q: Pick<TurnsQuestion, 'name' | 'rating' | 'flags' | 'rewrite'>;
  turn: number;
  /** The reply's number among the assistant turns, from 1. */
  reply: number;
  content: string;
  mark: TurnMark | undefined;
  /** Stable across renders, so a change to one row re-renders that row only. */
  onUpdate: (turn: number, patch: TurnPatch) => void;
}

/**
 * One assistant turn: its first words (the whole reply on request) and what the question asks of
 * it. The controls mount when the row nears the viewport, or when Tab reaches its placeholder.
 */
export const TurnRow = memo(function TurnRow(props: TurnRowProps) {
  const { mark, reply } = props;
  const ref = useRef<HTMLLIElement>(null);
  const [asked, setAsked] = useState(false);
  const near = useNearViewport(ref, asked);
  const [whole, setWhole] = useState(false);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (asked && near) first.current?.querySelector<HTMLElement>('input, textarea, button')?.focus();
  }, [asked, near]);
  const name = `Reply ${reply}`;
  return (
    <li className="turn-row" ref={ref} data-turn={props.turn}>
      <p className="turn-head">
        <strong>{name}</strong> <span className="muted small">(turn {props.turn + 1})</span>{' '}
        <span className="turn-excerpt">{excerpt(props.content)}</span>
        {mark && <span className="muted small turn-status"> · {markSummary(mark)}</span>}
      </p>
      <details className="turn-whole" onToggle={(e) => setWhole(e.currentTarget.open)}>
        <summary>Whole reply {reply}</summary>
        {whole && <RichText source={props.content} className="turn-text" />}
      </details>
      {near ? (
        <div className="turn-controls" ref={first}>
          <TurnControls {...props} name={name} />
        </div>
      ) : (
        <button
          type="button"
          className="turn-placeholder"
          onFocus={() => setAsked(true)}
          onClick={() => setAsked(true)}
        >
          Answer for reply {reply}
        </button>
      )}
    </li>
  );
});

function TurnControls(props: TurnRowProps & { name: string }) {
  const { q, mark, turn, onUpdate, name } = props;
  const rating = q.rating;
  const options = rating ? Array.from({ length: rating.max - rating.min + 1 }, (_, i) => rating.min + i) : [];
  const onRatingKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const i = digitPick(e, options.length);
    if (i === undefined) return;
    e.preventDefault();
    onUpdate(turn, { rating: options[i]! });
  };
  return (
    <>
      {rating && (
        <div role="radiogroup" aria-label={`Rating of ${name.toLowerCase()}`} className="options horizontal">
          <span className="muted small" aria-hidden="true">
            Rating
          </span>
          {options.map((o) => (
            <label key={o} className="option">
              <input
                type="radio"
                name={`${q.name}:rating:${turn}`}
                checked={mark?.rating === o}
                onChange={() => onUpdate(turn, { rating: o })}
                onKeyDown={onRatingKey}
              />
              <span>{o}</span>
            </label>
          ))}
        </div>
      )}
      {q.flags && q.flags.length > 0 && (
        <fieldset className="options horizontal turn-flags">
          <legend className="muted small">
            Flags<span className="visually-hidden"> on {name.toLowerCase()}</span>
          </legend>
          {q.flags.map((f) => (
            <label key={f} className="option">
              <input
                type="checkbox"
                checked={mark?.flags?.includes(f) ?? false}
                onChange={() => onUpdate(turn, { flags: toggleFlag(mark?.flags, q.flags ?? [], f) })}
              />
              <span>{f}</span>
            </label>
          ))}
        </fieldset>
      )}
      {q.rewrite && <TurnRewrite {...props} />}
    </>
  );
}

/** The rewrite box: empty until the tutor writes or starts from the reply's own text. */
function TurnRewrite(props: TurnRowProps & { name: string }) {
  const { mark, turn, onUpdate } = props;
  return (
    <div className="turn-rewrite">
      <label>
        <span>
          Rewrite of {props.name.toLowerCase()} <span className="muted small">(optional)</span>
        </span>
        <textarea
          rows={3}
          value={mark?.rewrite ?? ''}
          onChange={(e) => onUpdate(turn, { rewrite: e.target.value })}
        />
      </label>
      {mark?.rewrite === undefined && props.content !== '' && (
        <button type="button" className="small" onClick={() => onUpdate(turn, { rewrite: props.content })}>
          Start from reply {props.reply}'s text
        </button>
      )}
    </div>
  );
}

/** A turn's mark as read on an item page. */
export function TurnReadOnly(props: { reply: number; turn: number; content: string; mark: TurnMark }) {
  const { mark } = props;
  return (
    <li className="turn-row">
      <p className="turn-head">
        <strong>Reply {props.reply}</strong> <span className="muted small">(turn {props.turn + 1})</span>{' '}
        <span className="turn-excerpt">{excerpt(props.content)}</span>
      </p>
      <p>
        {mark.rating !== undefined && (
          <>
            <span className="muted">Rating: </span>
            <strong>{mark.rating}</strong>{' '}
          </>
        )}
        {mark.flags && (
          <>
            {mark.rating !== undefined && <span className="muted">· </span>}
            <span className="muted">Flags: </span>
            {mark.flags.join(', ')}
          </>
        )}
      </p>
      {mark.rewrite && (
        <div className="turn-rewrite-readonly">
          <span className="muted">Rewrite:</span>
          <RichText source={mark.rewrite} className="turn-text" />
        </div>
      )}
    </li>
  );
}
