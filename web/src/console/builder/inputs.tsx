import { Field, FieldErrors } from '../Field.tsx';
import { controlId } from '../pathErrors.ts';
import { splitLines } from './draft-values.ts';
import './builder.css';

/** The small inputs the builder's question and criterion forms are made of, each tied to a form path. */

/**
 * A number as typed, for the properties a type may leave to its default (shown as the placeholder)
 * and for the settings forms' numbers (with their bounds and step for the browser's spinner).
 */
export function NumberInput(props: {
  label: string;
  hint?: string;
  path?: string;
  value: string;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  errors?: string[];
  onChange(v: string): void;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} path={props.path}>
      {(c) => (
        <input
          {...c}
          type="number"
          min={props.min}
          max={props.max}
          step={props.step}
          value={props.value}
          placeholder={props.placeholder}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

/** A checkbox with its label; with a path, it is the input problems at that path are shown at. */
export function CheckInput(props: {
  label: string;
  path?: string;
  checked: boolean;
  errors?: string[];
  onChange(checked: boolean): void;
}) {
  const errors = props.errors ?? [];
  const id = props.path === undefined ? undefined : controlId(props.path);
  return (
    <div className="check-field">
      <label className="check">
        <input
          type="checkbox"
          id={id}
          data-path={props.path}
          checked={props.checked}
          aria-invalid={errors.length > 0 ? true : undefined}
          aria-describedby={errors.length > 0 && id ? `${id}-err` : undefined}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.label}
      </label>
      <FieldErrors id={id && `${id}-err`} errors={errors} />
    </div>
  );
}

/** A choice among fixed values; a value read from JSON that is none of them is shown as it is. */
export function SelectInput(props: {
  label: string;
  hint?: string;
  path: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  errors: string[];
  onChange(v: string): void;
}) {
  const known = props.options.some(([v]) => v === props.value);
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} path={props.path}>
      {(c) => (
        <select {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
          {!known && <option value={props.value}>{props.value || '(choose)'}</option>}
          {props.options.map(([v, label]) => (
            <option key={v} value={v}>
              {label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A list typed one entry per line: the box's text and the list it holds. */
export function LinesInput(props: {
  label: string;
  hint?: string;
  path: string;
  lines: string;
  errors: string[];
  onChange(lines: string, items: string[]): void;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} path={props.path}>
      {(c) => (
        <textarea
          {...c}
          rows={4}
          value={props.lines}
          onChange={(e) => props.onChange(e.target.value, splitLines(e.target.value))}
        />
      )}
    </Field>
  );
}

/** A line of text as typed. */
export function TextInput(props: {
  label: string;
  hint?: string;
  path: string;
  value: string;
  errors: string[];
  onChange(v: string): void;
}) {
  return (
    <Field label={props.label} hint={props.hint} errors={props.errors} path={props.path}>
      {(c) => <input {...c} value={props.value} onChange={(e) => props.onChange(e.target.value)} />}
    </Field>
  );
}
