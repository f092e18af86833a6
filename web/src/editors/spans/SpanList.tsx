import { type KeyboardEvent, memo, useEffect, useRef, useState } from 'react';
import type { SpanAnswer } from '../../../../core/interface/index.ts';
import { snap, type TextIndex } from './kernels.ts';

const ROW_EM = 2.6;
const OVERSCAN = 15;

export interface SpanListProps {
  question: string;
  spans: readonly SpanAnswer[];
  index: TextIndex;
  keys: ReadonlyMap<string, string>;
  colorOf: (label: string) => number;
  active: number | undefined;
  readOnly: boolean;
  onActivate?: (i: number) => void;
  onDelete?: (i: number) => void;
  onRelabel?: (i: number, label: string) => void;
  onLeave?: () => void;
}

/** "…covered text…", at most ~60 code points, cut on a grapheme boundary. */
function excerpt(index: TextIndex, s: SpanAnswer): string {
  const end = s.end - s.start > 60 ? snap(index, s.start + 60, 'floor') : s.end;
  const text = index.text.slice(index.starts[s.start], index.starts[end]).replace(/\s+/g, ' ');
  return end < s.end ? `${text}…` : text;
}

/**
 * The spans of a question as a list of chips, windowed by scroll position (rows have a fixed
 * height in em) so 2,000 spans cost a screenful of DOM. The list is one Tab stop; arrows move,
 * Delete removes, a label letter relabels, Esc returns to the text. Memoised: moving the caret in
 * the text does not re-render the list.
 */
export const SpanList = memo(function SpanList(p: SpanListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = useState({ top: 0, height: 400, rowPx: 42 });
  const [focusAt, setFocusAt] = useState<number | undefined>();
  const { rowPx } = scroll;
  const first = Math.max(0, Math.floor(scroll.top / rowPx) - OVERSCAN);
  const last = Math.min(p.spans.length, Math.ceil((scroll.top + scroll.height) / rowPx) + OVERSCAN);
  const current = Math.min(p.active ?? focusAt ?? 0, Math.max(0, p.spans.length - 1));

  const measure = () => {
    const el = box.current;
    if (!el) return;
    const rem = Number.parseFloat(getComputedStyle(el).fontSize) || 16;
    setScroll({ top: el.scrollTop, height: el.clientHeight || 400, rowPx: rem * ROW_EM });
  };
  useEffect(measure, []);

  // Moving focus to a row outside the window: scroll it in, render it, then focus it.
  useEffect(() => {
    if (focusAt === undefined) return;
    const el = box.current;
    const row = el?.querySelector<HTMLElement>(`[data-row="${focusAt}"] .span-chip`);
    if (row) {
      row.focus({ preventScroll: false });
      setFocusAt(undefined);
    } else if (el) {
      el.scrollTop = focusAt * rowPx - el.clientHeight / 2;
      measure();
    }
  });

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const move = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10 }[e.key];
    let handled = true;
    if (move !== undefined) setFocusAt(Math.max(0, Math.min(p.spans.length - 1, i + move)));
    else if (e.key === 'Home') setFocusAt(0);
    else if (e.key === 'End') setFocusAt(p.spans.length - 1);
    else if (e.key === 'Delete' || e.key === 'Backspace') {
      p.onDelete?.(i);
      if (p.spans.length > 1) setFocusAt(Math.min(i, p.spans.length - 2));
      else p.onLeave?.();
    } else if (e.key === 'Escape') p.onLeave?.();
    else {
      const label = [...p.keys].find(([, k]) => k === e.key.toLowerCase())?.[0];
      if (label !== undefined && e.key.length === 1) p.onRelabel?.(i, label);
      else handled = false;
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  if (p.spans.length === 0) return <p className="muted small">No spans yet.</p>;
  const rows = [];
  for (let i = first; i < last; i++) {
    const s = p.spans[i]!;
    const key = p.keys.get(s.label);
    const chip = (
      <>
        <span className={`swatch span-c${p.colorOf(s.label)}`} aria-hidden="true" />
        <strong>{s.label}</strong> <span className="excerpt">“{excerpt(p.index, s)}”</span>{' '}
        <span className="muted small">
          {s.start}–{s.end}
        </span>
      </>
    );
    rows.push(
      // Keyed by position so a relabelled chip keeps its element, and keyboard focus.
      <li key={i} data-row={i} className="span-row" style={{ top: `${i * ROW_EM}em` }}>
        {p.readOnly ? (
          <span className="span-chip" data-start={s.start} data-end={s.end} data-label={s.label}>
            {chip}
          </span>
        ) : (
          <>
            <button
              type="button"
              className={`span-chip${p.active === i ? ' active' : ''}`}
              data-start={s.start}
              data-end={s.end}
              data-label={s.label}
              tabIndex={i === current ? 0 : -1}
              aria-pressed={p.active === i}
              aria-keyshortcuts="Delete"
              aria-label={`${s.label}: ${excerpt(p.index, s)} (${s.start} to ${s.end}). Delete removes it${key ? '; a label letter relabels it' : ''}.`}
              onClick={() => p.onActivate?.(i)}
              onFocus={() => p.onActivate?.(i)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              {chip}
            </button>
            <button
              type="button"
              className="span-delete"
              tabIndex={-1}
              aria-label={`Delete span ${s.label} ${s.start}–${s.end}`}
              onClick={() => p.onDelete?.(i)}
            >
              ×
            </button>
          </>
        )}
      </li>,
    );
  }
  return (
    <div ref={box} className="span-list" onScroll={measure}>
      <ul
        aria-label={`Spans of ${p.question} (${p.spans.length})`}
        style={{ height: `${p.spans.length * ROW_EM}em` }}
      >
        {rows}
      </ul>
    </div>
  );
});
