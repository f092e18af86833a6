import type { SpanAnswer, SpansQuestion } from '../../../../core/interface/index.ts';
import { SpansEditor } from './SpansEditor.tsx';

/** A text with given spans, read-only (item detail, side-by-side answers). */
export function SpanView(props: {
  field: string;
  /** The field's label, when it has one. */
  label?: string;
  text: string;
  spans: readonly SpanAnswer[];
  labels?: readonly string[];
}) {
  const labels = [...(props.labels ?? new Set(props.spans.map((s) => s.label)))];
  const q: SpansQuestion = {
    name: props.field,
    type: 'spans',
    field: props.field,
    labels,
    allowOverlap: true,
    required: false,
  };
  return (
    <SpansEditor
      q={q}
      text={props.text}
      fieldLabel={props.label ?? props.field}
      value={[...props.spans]}
      onChange={() => undefined}
      readOnly
      digits={false}
      describedBy=""
    />
  );
}
