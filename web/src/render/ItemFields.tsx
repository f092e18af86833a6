import { memo, useMemo } from 'react';
import type { InterfaceDefinition, SpanAnswer } from '../../../core/interface/index.ts';
import { shownCandidates } from '../editors/candidates.ts';
import { SpanView } from '../editors/spans/SpanView.tsx';
import { RenderBoundary } from './AsTyped.tsx';
import { Candidates } from './Candidates.tsx';
import { Conversation } from './Conversation.tsx';
import { MediaValue } from './MediaValue.tsx';
import { preloadRichText, RichText } from './RichText.tsx';
import { turnsOf } from './shown.ts';
import '../editors/editors.css';

type Field = InterfaceDefinition['fields'][number];
type ResponsesField = Extract<Field, { type: 'responses' }>;

/**
 * Every field of an item: its label and its value. A text is plain or Markdown per the field's
 * `format`; a `chat` is a conversation; `responses` are the candidate answers, in the order this
 * annotator was shown them (`shown`, from the work payload) or, without it (read-only views of the
 * item), in the item's own order. A field given in `spans` shows its raw text with those spans
 * marked instead (offsets are exact only over the raw text). `omit` leaves out fields another
 * component shows (a spans editor). Each field is isolated: one that cannot be shown shows its
 * text as typed, and the others stay.
 */
export const ItemFields = memo(function ItemFields(props: {
  iface: InterfaceDefinition;
  data: Record<string, unknown>;
  spans?: Record<string, readonly SpanAnswer[]>;
  omit?: readonly string[];
  /** Per `responses` field, its candidate ids in the order shown to this annotator. */
  shown?: Record<string, string[]> | undefined;
  /** The level of each field's heading: one below the heading of the part of the page it is in. */
  level?: 2 | 3;
  /** The item's id, which media fields are served by; without it (the builder's preview) none plays. */
  itemId?: number | undefined;
}) {
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const fields = props.iface.fields.filter((f) => !props.omit?.includes(f.name));
  return (
    <div className="item-fields">
      {fields.map((f) => {
        const label = f.label ?? f.name;
        return (
          <section key={f.name} className="item-field" aria-label={label}>
            <Heading className="item-field-label">{label}</Heading>
            <FieldValue field={f} label={label} {...props} />
          </section>
        );
      })}
    </div>
  );
});

/**
 * Starts loading the renderers as soon as a project's interface is known to show conversations or
 * candidate answers (in Markdown), before its item has arrived; returns the project as given.
 */
export function preloadRenderersFor<P extends { interface: InterfaceDefinition } | undefined>(project: P): P {
  const tutoring = project?.interface.fields.some(
    (f) => f.type === 'chat' || (f.type === 'responses' && f.format === 'markdown'),
  );
  if (tutoring) preloadRichText();
  return project;
}

function FieldValue(props: {
  field: Field;
  label: string;
  data: Record<string, unknown>;
  spans?: Record<string, readonly SpanAnswer[]>;
  shown?: Record<string, string[]> | undefined;
  level?: 2 | 3;
  itemId?: number | undefined;
}) {
  const { field: f, label } = props;
  const raw = props.data[f.name];
  if (f.type === 'audio' || f.type === 'video' || f.type === 'image')
    return <MediaValue type={f.type} field={f.name} label={label} itemId={props.itemId} />;
  if (f.type === 'chat') return <ChatValue value={raw} label={label} />;
  if (f.type === 'responses')
    return (
      <ResponsesValue
        data={props.data}
        field={f}
        shown={props.shown?.[f.name]}
        level={props.level === 2 ? 3 : 4}
      />
    );
  const text = typeof raw === 'string' ? raw : '';
  const spans = props.spans?.[f.name];
  return (
    <RenderBoundary source={text} className="item-text">
      {spans ? (
        <SpanView field={f.name} label={label} text={text} spans={spans} />
      ) : f.format === 'markdown' ? (
        <RichText source={text} className="item-text" />
      ) : (
        <div className="item-text plain">{text}</div>
      )}
    </RenderBoundary>
  );
}

/** Memoised on the value, so the conversation keeps what it has rendered while answers change. */
function ChatValue({ value, label }: { value: unknown; label: string }) {
  const turns = useMemo(() => turnsOf(value), [value]);
  const asTyped = useMemo(() => turns.map((t) => `${t.role}: ${t.content}`).join('\n\n'), [turns]);
  return (
    <RenderBoundary source={asTyped}>
      <Conversation turns={turns} label={label} />
    </RenderBoundary>
  );
}

function ResponsesValue(props: {
  data: Record<string, unknown>;
  field: ResponsesField;
  shown: string[] | undefined;
  level: 3 | 4;
}) {
  const { data, field, shown } = props;
  const candidates = useMemo(() => shownCandidates(data, field.name, shown), [data, field.name, shown]);
  const asTyped = useMemo(
    () => candidates.map((c) => `Response ${c.letter}:\n${c.content}`).join('\n\n'),
    [candidates],
  );
  // An item imported with its prompt alone: generation has not written its candidates yet.
  if (candidates.length === 0) return <p className="muted">Awaiting candidates.</p>;
  return (
    <RenderBoundary source={asTyped}>
      <Candidates
        candidates={candidates}
        markdown={field.format === 'markdown'}
        revealModels={field.revealModels}
        level={props.level}
      />
    </RenderBoundary>
  );
}
