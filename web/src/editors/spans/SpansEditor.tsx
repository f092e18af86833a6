import {
  type KeyboardEvent,
  type MouseEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { SpanAnswer, SpansQuestion } from '../../../../core/interface/index.ts';
import type { EditorProps } from '../Question.tsx';
import { clickedPoint, selectedRange } from './dom.ts';
import {
  addSpan,
  assignLayers,
  bucketSpans,
  indexText,
  labelKeys,
  lineEdge,
  relabelSpan,
  removeSpan,
  spanAt,
  splitSegments,
  stepGrapheme,
  stepLine,
  stepWord,
  texTokens,
} from './kernels.ts';
import { LabelBar } from './LabelBar.tsx';
import { caretOf, initialSpanTool, type SpanToolEvent, selectionOf, transition } from './machine.ts';
import { setRenderedShown, useRenderedShown } from './pane-pref.ts';
import { RenderedPaneChunk } from './RenderedPaneChunk.tsx';
import { SpanList } from './SpanList.tsx';
import { SpanText } from './SpanText.tsx';
import { useVisibleSegments } from './useVisibleSegments.ts';

const PALETTE = 8;
const NO_SPANS: SpanAnswer[] = [];

/**
 * Span labelling over the raw text of one field. The component renders and dispatches: the
 * interaction is the machine in machine.ts, the arithmetic in kernels.ts. A Markdown field
 * (`markdown`) also shows its rendering beside the text (RenderedPane), and selections snap to
 * its TeX.
 */
export function SpansEditor(
  props: EditorProps<SpansQuestion, SpanAnswer[]> & {
    text: string;
    markdown?: boolean;
    /** How the field is named to annotators: its label, or else its name. */
    fieldLabel?: string;
  },
) {
  const { q, readOnly } = props;
  const fieldLabel = props.fieldLabel ?? q.field;
  const spans = props.value ?? NO_SPANS;
  const index = useMemo(() => indexText(props.text), [props.text]);
  const segments = useMemo(() => splitSegments(index), [index]);
  const layers = useMemo(() => assignLayers(spans), [spans]);
  const buckets = useMemo(() => bucketSpans(segments, spans), [segments, spans]);
  const keys = useMemo(() => labelKeys(q.labels), [q.labels]);
  const colorOf = useCallback((label: string) => Math.max(0, q.labels.indexOf(label)) % PALETTE, [q.labels]);
  const paint = useMemo(() => ({ spans, layers, colorOf }), [spans, layers, colorOf]);
  const tex = useMemo(() => (props.markdown ? texTokens(index) : undefined), [props.markdown, index]);
  const renderedShown = useRenderedShown();

  const textRef = useRef<HTMLDivElement>(null);
  const { visible, heights } = useVisibleSegments(textRef, segments.length);
  const [tool, setTool] = useState(initialSpanTool);
  const toolRef = useRef(tool);
  const [activeKey, setActiveKey] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const keyOf = (s: SpanAnswer) => `${s.start}-${s.end}-${s.label}`;
  const active = activeKey === undefined ? undefined : spans.findIndex((s) => keyOf(s) === activeKey);
  const activeIndex = active !== undefined && active >= 0 ? active : undefined;

  const commit = (next: SpanAnswer[], message: string) => {
    props.onChange(next.length > 0 ? next : null);
    setStatus(message);
  };
  const quote = (s: { start: number; end: number }) =>
    `“${index.text.slice(index.starts[s.start], index.starts[s.end]).slice(0, 80)}”`;

  const dispatch = (event: SpanToolEvent) => {
    const r = transition(toolRef.current, event, { tex });
    toolRef.current = r.state;
    setTool(r.state);
    if (!r.plan) setStatus('');
    else {
      const span = { start: r.plan.start, end: r.plan.end, label: r.plan.label };
      const edit = addSpan(spans, span, q.allowOverlap);
      if (edit.ok) commit(edit.spans, `Labelled ${quote(span)} ${span.label}.`);
      else setStatus(edit.message);
    }
  };
  const relabel = (i: number, label: string) => {
    const edit = relabelSpan(spans, i, label);
    if (!edit.ok) return setStatus(edit.message);
    setActiveKey(keyOf(edit.spans[edit.index]!));
    commit(edit.spans, `Relabelled as ${label}.`);
  };
  const remove = (i: number) => {
    const s = spans[i];
    if (!s) return;
    setActiveKey(undefined);
    commit(removeSpan(spans, i), `Removed ${s.label} ${quote(s)}.`);
  };
  // The list's callbacks stay the same functions and call the latest handlers, so the (memoised)
  // list re-renders for its own props only, not for every caret move or focus change.
  const handlers = useRef({ remove, relabel, activate: (_: number) => {} });
  useLayoutEffect(() => {
    handlers.current = { remove, relabel, activate: (i) => setActiveKey(keyOf(spans[i]!)) };
  });
  const listActions = useMemo(
    () => ({
      onActivate: (i: number) => handlers.current.activate(i),
      onDelete: (i: number) => handlers.current.remove(i),
      onRelabel: (i: number, label: string) => handlers.current.relabel(i, label),
      onLeave: () => textRef.current?.focus(),
    }),
    [],
  );
  const pick = (label: string) => {
    if (selectionOf(toolRef.current)) dispatch({ type: 'label', label });
    else if (activeIndex !== undefined) relabel(activeIndex, label);
    else setStatus('Select some text first, then choose a label.');
  };

  // Keep the keyboard caret in view as it moves through a long text, and when the text takes focus.
  // The caret is always in the DOM and shown by CSS while the text has focus, so focusing the text
  // re-renders nothing (on a long item that is a segment of pieces and the chip list).
  const caret = caretOf(tool);
  const scrollToCaret = () => textRef.current?.querySelector('.caret')?.scrollIntoView({ block: 'nearest' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caret moving is what triggers the scroll
  useEffect(() => {
    if (document.activeElement === textRef.current) scrollToCaret();
  }, [caret]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const mod = e.ctrlKey || e.altKey || e.metaKey;
    const extend = e.shiftKey;
    const at = caretOf(toolRef.current);
    let to: number | undefined;
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const dir = e.key === 'ArrowRight' ? 1 : -1;
      to = e.ctrlKey || e.altKey ? stepWord(index, at, dir) : stepGrapheme(index, at, dir);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp')
      to = stepLine(index, at, e.key === 'ArrowDown' ? 1 : -1);
    else if (e.key === 'Home') to = e.ctrlKey || e.metaKey ? 0 : lineEdge(index, at, -1);
    else if (e.key === 'End') to = e.ctrlKey || e.metaKey ? index.length : lineEdge(index, at, 1);
    if (to !== undefined) {
      dispatch({ type: 'move', to, extend });
      return e.preventDefault();
    }
    if (e.key === 'Escape' && (selectionOf(toolRef.current) || activeIndex !== undefined)) {
      dispatch({ type: 'cancel' });
      setActiveKey(undefined);
      e.preventDefault();
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && activeIndex !== undefined) {
      remove(activeIndex);
      e.preventDefault();
    } else if (!mod && e.key.length === 1) {
      const label = [...keys].find(([, k]) => k === e.key.toLowerCase())?.[0];
      if (label !== undefined) {
        pick(label);
        e.preventDefault();
      }
    }
  };

  const onMouseUp = (e: MouseEvent<HTMLDivElement>) => {
    const el = textRef.current;
    if (!el) return;
    const range = selectedRange(el, index);
    const at = clickedPoint(el, index) ?? caretOf(toolRef.current);
    if (range) window.getSelection()?.removeAllRanges();
    else {
      const hit = spanAt(
        spans,
        spans.map((_, i) => i),
        at,
      );
      setActiveKey(hit === undefined ? undefined : keyOf(spans[hit]!));
    }
    dispatch({ type: 'pointerUp', range, at: range ? range.end : at, clicks: e.detail });
    el.focus({ preventScroll: true });
  };

  const selection = selectionOf(tool);
  const help = `q-${q.name}-spanhelp`;
  // Unique on the page: the reviewer's page shows the same question once per annotator.
  const paneId = useId();
  const statusLine =
    status ||
    (selection
      ? `Selected ${quote(selection)} (${selection.start}–${selection.end}). Press a label letter.`
      : 'Select text with the mouse or Shift+Arrow keys, then press a label letter.');
  return (
    <div className="spans-editor">
      {!readOnly && (
        <LabelBar labels={q.labels} keys={keys} colorOf={colorOf} onPick={pick} status={statusLine} />
      )}
      {tex && (
        <button
          type="button"
          className="pane-toggle"
          aria-expanded={renderedShown}
          aria-controls={paneId}
          onClick={() => setRenderedShown(!renderedShown)}
        >
          {renderedShown ? 'Hide the rendered text' : 'Show the rendered text'}
        </button>
      )}
      <div className={tex && renderedShown ? 'span-panes split' : 'span-panes'}>
        <SpanText
          field={q.field}
          index={index}
          segments={segments}
          buckets={buckets}
          paint={paint}
          visible={visible}
          heights={heights}
          selection={selection}
          caret={readOnly || selection ? undefined : caret}
          active={activeIndex}
          containerRef={textRef}
          interactive={
            readOnly
              ? { role: 'region', 'aria-label': `Text of ${fieldLabel}`, tabIndex: 0 }
              : {
                  role: 'textbox',
                  'aria-readonly': true,
                  'aria-multiline': true,
                  'aria-label': `Text of ${fieldLabel}, for ${q.label ?? q.name}`,
                  'aria-describedby': `${help} ${props.describedBy}`,
                  tabIndex: 0,
                  onKeyDown,
                  onMouseDown: (e) =>
                    e.button === 0 && dispatch({ type: 'pointerDown', at: caretOf(toolRef.current) }),
                  onMouseUp,
                  onFocus: scrollToCaret,
                }
          }
        />
        {tex && (
          <div id={paneId} className="rendered-side" hidden={!renderedShown}>
            {renderedShown && (
              <RenderedPaneChunk
                label={fieldLabel}
                index={index}
                tex={tex}
                segments={segments}
                spans={spans}
                colorOf={colorOf}
                selection={selection}
                sourceRef={textRef}
              />
            )}
          </div>
        )}
      </div>
      <p id={help} className="visually-hidden">
        Arrow keys move the caret, Shift with arrows selects, a label letter labels the selection.
      </p>
      <SpanList
        question={q.label ?? q.name}
        spans={spans}
        index={index}
        keys={keys}
        colorOf={colorOf}
        active={activeIndex}
        readOnly={readOnly}
        {...listActions}
      />
    </div>
  );
}
