import type { ReactNode } from 'react';
import type { InterfaceDefinition } from '../../../core/interface/index.ts';

export type QuestionDef = InterfaceDefinition['questions'][number];

/** Props every question editor takes. */
export interface EditorProps<Q extends QuestionDef, V> {
  q: Q;
  value: V | undefined;
  onChange: (value: V | null) => void;
  readOnly: boolean;
  /** Show the digit beside each option (the question digits answer). */
  digits: boolean;
  /** Id of the element describing the question (description and errors), for aria-describedby. */
  describedBy: string;
}

/**
 * One question's frame: a fieldset whose legend names it, its description and its errors. Groups
 * of inputs get their accessible name from the legend; single inputs label themselves.
 */
export function Question(props: {
  q: QuestionDef;
  errors: readonly string[] | undefined;
  active: boolean;
  hint?: ReactNode;
  /** Shown under the legend, before the description (a suggestion's badge and action). */
  mark?: ReactNode;
  children: ReactNode;
}) {
  const { q, errors } = props;
  const descId = `q-${q.name}-desc`;
  return (
    <fieldset
      className={`question${props.active ? ' active' : ''}${errors?.length ? ' invalid' : ''}`}
      data-question={q.name}
      aria-invalid={errors?.length ? true : undefined}
    >
      <legend>
        {q.label ?? q.name}
        {q.required && (
          <span className="required" title="required">
            {' '}
            *<span className="visually-hidden"> (required)</span>
          </span>
        )}
        {props.hint}
      </legend>
      {props.mark}
      <div id={descId} className="question-desc">
        {q.description && <p className="muted">{q.description}</p>}
        {errors?.map((e) => (
          <p key={e} className="field-error">
            {e}
          </p>
        ))}
      </div>
      {props.children}
    </fieldset>
  );
}

export const descIdOf = (name: string) => `q-${name}-desc`;
