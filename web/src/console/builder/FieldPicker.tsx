import { Field } from '../Field.tsx';

/**
 * A choice among the interface's fields that fit (`names`). With `none`, choosing nothing is
 * allowed and means what `none` says (the default prompt, writing from scratch); a name read from
 * JSON that does not fit stays shown, so its problem can be read and fixed here.
 */
export function FieldPicker(props: {
  label: string;
  path: string;
  value: string | undefined;
  names: readonly string[];
  /** What no field means, when none may be chosen. */
  none?: string;
  /** Shown when no field fits: what to add. */
  missing: string;
  hint?: string;
  errors: string[];
  onChange(v: string | undefined): void;
}) {
  const { value, names, none } = props;
  const stray = value !== undefined && !names.includes(value);
  return (
    <Field
      label={props.label}
      errors={props.errors}
      path={props.path}
      hint={names.length === 0 ? props.missing : props.hint}
    >
      {(c) => (
        <select
          {...c}
          value={value ?? ''}
          onChange={(e) =>
            props.onChange(none !== undefined && e.target.value === '' ? undefined : e.target.value)
          }
        >
          {none !== undefined && <option value="">{none}</option>}
          {stray && <option value={value}>{value || '(choose a field)'}</option>}
          {names.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
