import { fieldTypes } from '../../../../core/interface/index.ts';
import { Field, FieldErrors } from '../Field.tsx';
import {
  controlId,
  messagesAt,
  messagesExact,
  otherErrors,
  type PathError,
  withPath,
} from '../pathErrors.ts';
import { type FieldDraft, type Format, fieldProperties, move, newField } from './draft.ts';
import { CheckInput } from './inputs.tsx';
import { ListControls } from './ListControls.tsx';
import { fieldTypeNames } from './type-names.ts';

/** Candidate answers are Markdown unless said otherwise (core's default), whatever the text before was. */
const retypeField = (type: string): Partial<FieldDraft> =>
  type === 'responses' ? { type, format: 'markdown' } : { type };

/** The fields an item shows: name, label, type and how it is shown, in order. */
export function FieldList(props: {
  fields: FieldDraft[];
  onChange(fields: FieldDraft[]): void;
  errors: readonly PathError[];
}) {
  const { fields, onChange, errors } = props;
  const update = (i: number, patch: Partial<FieldDraft>) =>
    onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <section className="stack" aria-labelledby="builder-fields">
      <h3 id="builder-fields">Fields</h3>
      <p className="muted">What each item shows. Every imported item must have a value for each field.</p>
      <FieldErrors errors={messagesExact(errors, 'fields')} />
      <ol className="editor-list">
        {fields.map((f, i) => {
          const at = `fields[${i}]`;
          const what = `field ${f.name || i + 1}`;
          const own = fieldProperties(f.type);
          const shown = own.map((k) => `${at}.${k}`);
          return (
            <li key={f.key} className="editor-entry">
              <fieldset>
                <legend>
                  Field {i + 1}
                  {f.name && `: ${f.name}`}
                </legend>
                <div className="editor-grid">
                  <Field
                    label="Name"
                    hint="The key in each item's data"
                    errors={messagesAt(errors, `${at}.name`)}
                    path={`${at}.name`}
                  >
                    {(c) => (
                      <input {...c} value={f.name} onChange={(e) => update(i, { name: e.target.value })} />
                    )}
                  </Field>
                  <Field
                    label="Label (optional)"
                    hint="Shown to annotators instead of the name"
                    errors={messagesAt(errors, `${at}.label`)}
                    path={`${at}.label`}
                  >
                    {(c) => (
                      <input {...c} value={f.label} onChange={(e) => update(i, { label: e.target.value })} />
                    )}
                  </Field>
                  <Field label="Type" errors={messagesAt(errors, `${at}.type`)} path={`${at}.type`}>
                    {(c) => (
                      <select {...c} value={f.type} onChange={(e) => update(i, retypeField(e.target.value))}>
                        {!fieldTypes.includes(f.type) && <option value={f.type}>{f.type}</option>}
                        {fieldTypes.map((t) => (
                          <option key={t} value={t}>
                            {fieldTypeNames[t] ?? t}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {own.includes('format') && (
                    <Field label="Format" errors={messagesAt(errors, `${at}.format`)} path={`${at}.format`}>
                      {(c) => (
                        <select
                          {...c}
                          value={f.format}
                          onChange={(e) => update(i, { format: e.target.value as Format })}
                        >
                          <option value="plain">Plain text</option>
                          <option value="markdown">Markdown (with maths and code)</option>
                        </select>
                      )}
                    </Field>
                  )}
                </div>
                {own.includes('revealModels') && (
                  <CheckInput
                    label="Show annotators each candidate's model name"
                    path={`${at}.revealModels`}
                    checked={f.revealModels}
                    errors={messagesAt(errors, `${at}.revealModels`)}
                    onChange={(revealModels) => update(i, { revealModels })}
                  />
                )}
                <FieldErrors errors={otherErrors(errors, at, shown).map(withPath)} />
                <ListControls
                  id={f.key}
                  what={what}
                  index={i}
                  count={fields.length}
                  onMove={(d) => onChange(move(fields, i, d))}
                  onRemove={() => onChange(fields.filter((_, j) => j !== i))}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        id={controlId('fields')}
        className="self-start"
        onClick={() => onChange([...fields, newField()])}
      >
        Add field
      </button>
    </section>
  );
}
