import { questionTypes } from '../../../../core/interface/index.ts';
import { Field, FieldErrors } from '../Field.tsx';
import { messagesAt, otherErrors, type PathError, withPath } from '../pathErrors.ts';
import { type QuestionDraft, questionProperties } from './draft.ts';
import { type FieldChoice, retype } from './field-roles.ts';
import { QuestionTypeFields } from './QuestionTypeFields.tsx';
import { typeNames } from './type-names.ts';

/** The inputs of one question: what every question has, then what its type adds. */
export function QuestionEditor(props: {
  q: QuestionDraft;
  at: string;
  fields: readonly FieldChoice[];
  errors: readonly PathError[];
  onChange(patch: Partial<QuestionDraft>): void;
}) {
  const { q, at, errors, onChange } = props;
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const shown = questionProperties(q.type).map((k) => `${at}.${k}`);
  // Another type has other properties: extra ones from the JSON view would now be unknown.
  const changeType = (type: string) => onChange(retype(q, type, props.fields));
  return (
    <>
      <div className="editor-grid">
        <Field
          label="Name"
          hint="An identifier: letters, digits and _"
          errors={msg('name')}
          path={`${at}.name`}
        >
          {(c) => <input {...c} value={q.name} onChange={(e) => onChange({ name: e.target.value })} />}
        </Field>
        <Field
          label="Label"
          hint="The question as annotators read it"
          errors={msg('label')}
          path={`${at}.label`}
        >
          {(c) => <input {...c} value={q.label} onChange={(e) => onChange({ label: e.target.value })} />}
        </Field>
        <Field label="Type" errors={msg('type')} path={`${at}.type`}>
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
      <Field
        label="Description (optional)"
        hint="Shown under the question: what to look for, when to leave it empty."
        errors={msg('description')}
        path={`${at}.description`}
      >
        {(c) => (
          <textarea
            {...c}
            rows={2}
            value={q.description ?? ''}
            onChange={(e) => onChange({ description: e.target.value === '' ? undefined : e.target.value })}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={q.required}
          onChange={(e) => onChange({ required: e.target.checked })}
        />
        Required (an answer is needed to submit)
      </label>
      <QuestionTypeFields q={q} at={at} fields={props.fields} errors={errors} onChange={onChange} />
      <FieldErrors errors={otherErrors(errors, at, shown).map(withPath)} />
    </>
  );
}
