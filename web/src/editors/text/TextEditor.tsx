import type { TextQuestion } from '../../../../core/interface/index.ts';
// Not through core/interface/index.ts: this leaf has no zod, and the index would bring it into the bundle.
import { codePointLength } from '../../../../core/interface/offsets.ts';
import type { EditorProps } from '../Question.tsx';
import { useIntegritySignals } from '../useIntegritySignals.ts';

/** Free text: a single line or a text area (Ctrl/⌘+Enter submits from it). */
export function TextEditor(props: EditorProps<TextQuestion, string>) {
  const { q } = props;
  const value = props.value ?? '';
  const { handlers } = useIntegritySignals(q.name);
  if (props.readOnly) return <p className="answer-readonly text">{value === '' ? '—' : value}</p>;
  const length = codePointLength(value);
  const common = {
    'aria-label': q.label ?? q.name,
    'aria-describedby': props.describedBy,
    value,
    onChange: (e: { target: { value: string } }) =>
      props.onChange(e.target.value === '' ? null : e.target.value),
    ...handlers,
  };
  return (
    <>
      {q.multiline ? <textarea rows={4} {...common} /> : <input type="text" {...common} />}
      {length > q.maxLength * 0.8 && (
        <p className={length > q.maxLength ? 'field-error' : 'muted small'}>
          {length} of {q.maxLength} characters
        </p>
      )}
    </>
  );
}
