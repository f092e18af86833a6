import { useEffect, useState } from 'react';
import type { NumberQuestion } from '../../../../core/interface/index.ts';
import type { EditorProps } from '../Question.tsx';

/** A number typed as text (so "-" and "1." are allowed mid-typing); the answer is the parsed value. */
export function NumberEditor(props: EditorProps<NumberQuestion, number>) {
  const { q, value } = props;
  const [text, setText] = useState(value === undefined ? '' : String(value));
  // Follow outside changes (undo, a restored draft) unless the text already means that value.
  useEffect(() => {
    setText((t) =>
      Number(t.replace(',', '.')) === value && t.trim() !== '' ? t : value === undefined ? '' : String(value),
    );
  }, [value]);
  if (props.readOnly) return <p className="answer-readonly">{value ?? '—'}</p>;
  const parsed = Number(text.replace(',', '.'));
  const invalid = text.trim() !== '' && !Number.isFinite(parsed);
  const range = [q.min !== undefined ? `from ${q.min}` : '', q.max !== undefined ? `to ${q.max}` : '']
    .join(' ')
    .trim();
  return (
    <>
      <input
        type="text"
        inputMode={q.integer ? 'numeric' : 'decimal'}
        aria-label={q.label ?? q.name}
        aria-describedby={props.describedBy}
        aria-invalid={invalid || undefined}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const n = Number(t.replace(',', '.'));
          if (t.trim() === '') props.onChange(null);
          else if (Number.isFinite(n)) props.onChange(n);
        }}
      />
      <p className="muted small">
        {invalid
          ? 'Type a number, like 3 or 2.5.'
          : `${q.integer ? 'A whole number' : 'A number'}${range ? ` ${range}` : ''}.`}
      </p>
    </>
  );
}
