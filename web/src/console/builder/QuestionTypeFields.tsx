import { Field } from '../Field.tsx';
import { messagesAt, type PathError } from '../pathErrors.ts';
import { linesKey, type QuestionDraft, splitLines } from './draft.ts';

type Props = {
  q: QuestionDraft;
  at: string;
  textFields: string[];
  errors: readonly PathError[];
  onChange(patch: Partial<QuestionDraft>): void;
};

/** A number as typed, for the properties a question type may leave to its default. */
function NumberInput(props: {
  label: string;
  hint?: string;
  path: string;
  value: string;
  placeholder: string;
  errors: string[];
  onChange(v: string): void;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} path={props.path}>
      {(c) => (
        <input
          {...c}
          type="number"
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** What a question's type adds: its options or labels, bounds, and how it is shown. */
export function QuestionTypeFields({ q, at, textFields, errors, onChange }: Props) {
  const list = linesKey(q.type);
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const number = (
    key: 'min' | 'max' | 'minSelected' | 'maxSelected' | 'maxLength',
    label: string,
    placeholder: string,
    hint?: string,
  ) => (
    <NumberInput
      label={label}
      hint={hint}
      path={`${at}.${key}`}
      value={q[key]}
      placeholder={placeholder}
      errors={msg(key)}
      onChange={(v) => onChange({ [key]: v })}
    />
  );
  const check = (key: 'allowOverlap' | 'integer' | 'multiline', label: string) => (
    <label className="check">
      <input type="checkbox" checked={q[key]} onChange={(e) => onChange({ [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <>
      {list && (
        <Field
          label={list === 'options' ? 'Options, one per line' : 'Labels, one per line'}
          errors={msg(list)}
          path={`${at}.${list}`}
        >
          {(c) => (
            <textarea
              {...c}
              rows={4}
              value={q.lines}
              onChange={(e) => onChange({ lines: e.target.value, items: splitLines(e.target.value) })}
            />
          )}
        </Field>
      )}
      {q.type === 'multi_choice' && (
        <div className="editor-grid">
          {number('minSelected', 'At least this many selected', 'none', 'Checked on submit, not in drafts')}
          {number('maxSelected', 'At most this many selected', 'any')}
        </div>
      )}
      {q.type === 'spans' && (
        <div className="editor-grid">
          <Field
            label="Text field to mark up"
            errors={msg('field')}
            path={`${at}.field`}
            hint={textFields.length === 0 ? 'Add a text field first' : undefined}
          >
            {(c) => (
              <select {...c} value={q.field} onChange={(e) => onChange({ field: e.target.value })}>
                {!textFields.includes(q.field) && (
                  <option value={q.field}>{q.field || '(choose a field)'}</option>
                )}
                {textFields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {check('allowOverlap', 'Spans may overlap')}
        </div>
      )}
      {(q.type === 'rating' || q.type === 'number') && (
        <div className="editor-grid">
          {number('min', 'Minimum', q.type === 'rating' ? '1' : 'none')}
          {number('max', 'Maximum', q.type === 'rating' ? '5' : 'none')}
          {q.type === 'number' && check('integer', 'Whole numbers only')}
        </div>
      )}
      {q.type === 'text' && (
        <div className="editor-grid">
          {number('maxLength', 'Longest answer (characters)', '100000')}
          {check('multiline', 'Several lines (a text area)')}
        </div>
      )}
    </>
  );
}
