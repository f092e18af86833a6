import { questionTypes } from '../../../../core/interface/index.ts';
import { Field, FieldErrors } from '../Field.tsx';
import { messagesAt, otherErrors, type PathError, withPath } from '../pathErrors.ts';
import { hasRange, linesKey, type QuestionDraft } from './draft.ts';

export const typeNames: Record<string, string> = {
  choice: 'Single choice',
  multi_choice: 'Multiple choice',
  spans: 'Text spans',
  rating: 'Rating scale',
  number: 'Number',
  text: 'Free text',
};

/** The inputs of one question; which ones show depends on its type. */
export function QuestionEditor(props: {
  q: QuestionDraft;
  at: string;
  textFields: string[];
  errors: readonly PathError[];
  onChange(patch: Partial<QuestionDraft>): void;
}) {
  const { q, at, errors, onChange } = props;
  const list = linesKey(q.type);
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const shown = ['name', 'label', 'type', 'required', list ?? '', 'field', 'allowOverlap', 'min', 'max']
    .filter(Boolean)
    .map((k) => `${at}.${k}`);
  // Another type has other properties: extra ones from the JSON view would now be unknown.
  const changeType = (type: string) =>
    onChange({
      type,
      extra: {},
      ...(type === 'spans' && !q.field ? { field: props.textFields[0] ?? '' } : {}),
    });
  return (
    <>
      <div className="editor-grid">
        <Field label="Name" hint="An identifier: letters, digits and _" errors={msg('name')}>
          {(c) => <input {...c} value={q.name} onChange={(e) => onChange({ name: e.target.value })} />}
        </Field>
        <Field label="Label" hint="The question as annotators read it" errors={msg('label')}>
          {(c) => <input {...c} value={q.label} onChange={(e) => onChange({ label: e.target.value })} />}
        </Field>
        <Field label="Type" errors={msg('type')}>
          {(c) => (
            <select {...c} value={q.type} onChange={(e) => changeType(e.target.value)}>
              {!questionTypes.includes(q.type) && <option value={q.type}>{q.type || '(none)'}</option>}
              {questionTypes.map((t) => (
                <option key={t} value={t}>
                  {typeNames[t] ?? t}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={q.required}
          onChange={(e) => onChange({ required: e.target.checked })}
        />
        Required (an answer is needed to submit)
      </label>
      {list && (
        <Field
          label={list === 'options' ? 'Options, one per line' : 'Labels, one per line'}
          errors={msg(list)}
        >
          {(c) => (
            <textarea {...c} rows={4} value={q.lines} onChange={(e) => onChange({ lines: e.target.value })} />
          )}
        </Field>
      )}
      {q.type === 'spans' && (
        <div className="editor-grid">
          <Field
            label="Text field to mark up"
            errors={msg('field')}
            hint={props.textFields.length === 0 ? 'Add a text field first' : undefined}
          >
            {(c) => (
              <select {...c} value={q.field} onChange={(e) => onChange({ field: e.target.value })}>
                {!props.textFields.includes(q.field) && (
                  <option value={q.field}>{q.field || '(choose a field)'}</option>
                )}
                {props.textFields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={q.allowOverlap}
              onChange={(e) => onChange({ allowOverlap: e.target.checked })}
            />
            Spans may overlap
          </label>
        </div>
      )}
      {hasRange(q.type) && (
        <div className="editor-grid">
          {(['min', 'max'] as const).map((k) => (
            <Field key={k} label={k === 'min' ? 'Minimum' : 'Maximum'} errors={msg(k)}>
              {(c) => (
                <input
                  {...c}
                  type="number"
                  value={q[k]}
                  placeholder={q.type === 'rating' ? (k === 'min' ? '1' : '5') : 'none'}
                  onChange={(e) => onChange({ [k]: e.target.value })}
                />
              )}
            </Field>
          ))}
        </div>
      )}
      <FieldErrors errors={otherErrors(errors, at, shown).map(withPath)} />
    </>
  );
}
