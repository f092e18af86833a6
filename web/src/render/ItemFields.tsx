import type { InterfaceDefinition, SpanAnswer } from '../../../core/interface/index.ts';
import { SpanView } from '../editors/spans/SpanView.tsx';
import { RenderBoundary } from './AsTyped.tsx';
import { RichText } from './RichText.tsx';
import '../editors/editors.css';

/**
 * Every field of an item: its label and its text, plain or Markdown per the field's `format`.
 * A field given in `spans` shows its raw text with those spans marked instead (offsets are exact
 * only over the raw text). `omit` leaves out fields another component shows (a spans editor).
 * Each field is isolated: one that cannot be shown shows its text as typed, and the others stay.
 */
export function ItemFields(props: {
  iface: InterfaceDefinition;
  data: Record<string, unknown>;
  spans?: Record<string, readonly SpanAnswer[]>;
  omit?: readonly string[];
  /** The level of each field's heading: one below the heading of the part of the page it is in. */
  level?: 2 | 3;
}) {
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const fields = props.iface.fields.filter((f) => !props.omit?.includes(f.name));
  return (
    <div className="item-fields">
      {fields.map((f) => {
        const raw = props.data[f.name];
        const text = typeof raw === 'string' ? raw : '';
        const spans = props.spans?.[f.name];
        const label = f.label ?? f.name;
        return (
          <section key={f.name} className="item-field" aria-label={label}>
            <Heading className="item-field-label">{label}</Heading>
            <RenderBoundary source={text} className="item-text">
              {spans ? (
                <SpanView field={f.name} label={label} text={text} spans={spans} />
              ) : f.type !== 'text' || f.format === 'markdown' ? (
                <RichText source={text} className="item-text" />
              ) : (
                <div className="item-text plain">{text}</div>
              )}
            </RenderBoundary>
          </section>
        );
      })}
    </div>
  );
}
