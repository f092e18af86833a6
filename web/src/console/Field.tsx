import { type ReactNode, useId } from 'react';
import { controlId } from './pathErrors.ts';

export interface ControlProps {
  id: string;
  /** The form path of the input, when the Field has one (touched tracking, focus on a problem). */
  'data-path'?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with its hint and error messages: the label is a real <label>, and the
 * messages are tied to the control with aria-describedby so a screen reader reads them with it.
 * With a `path` ("name", "questions[0].label") the control's id is controlId(path) and it
 * carries the path as `data-path`, so a form can tell which input was left and focus a problem.
 */
export function Field(props: {
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[];
  className?: string;
  path?: string;
  children: (control: ControlProps) => ReactNode;
}) {
  const auto = useId();
  const id = props.path === undefined ? auto : controlId(props.path);
  const errors = props.errors ?? [];
  const describedBy = [props.hint ? `${id}-hint` : '', errors.length > 0 ? `${id}-err` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children({
        id,
        ...(props.path === undefined ? {} : { 'data-path': props.path }),
        ...(errors.length > 0 ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {props.hint && (
        <small id={`${id}-hint`} className="muted">
          {props.hint}
        </small>
      )}
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}

export function FieldErrors({ id, errors }: { id?: string; errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <ul id={id} className="field-errors">
      {errors.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </ul>
  );
}
