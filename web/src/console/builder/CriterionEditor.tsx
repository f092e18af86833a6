import { Field } from '../Field.tsx';
import { messagesAt, type PathError } from '../pathErrors.ts';
import type { CriteriaOf, CriterionDraft, CriterionScale } from './draft-criteria.ts';
import { NumberInput, SelectInput, TextInput } from './inputs.tsx';

const scales = [
  ['range', 'Points, lowest to highest'],
  ['pass_fail', 'Pass or fail'],
] as const;

/**
 * The inputs of one criterion: its name and label, and for a rubric its description, how it is
 * scored (points or pass/fail) and its weight in the total.
 */
export function CriterionEditor(props: {
  c: CriterionDraft;
  of: CriteriaOf;
  /** The criterion's form path (`questions[0].criteria[1]`). */
  at: string;
  errors: readonly PathError[];
  onChange(patch: Partial<CriterionDraft>): void;
}) {
  const { c, at, errors, onChange } = props;
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  return (
    <>
      <div className="editor-grid">
        <TextInput
          label="Name"
          hint="An identifier: the key of its answer"
          path={`${at}.name`}
          value={c.name}
          errors={msg('name')}
          onChange={(name) => onChange({ name })}
        />
        <TextInput
          label="Label (optional)"
          hint="Shown to annotators instead of the name"
          path={`${at}.label`}
          value={c.label}
          errors={msg('label')}
          onChange={(label) => onChange({ label })}
        />
      </div>
      {props.of === 'rubric' && (
        <>
          <Field
            label="What earns each score (optional)"
            errors={msg('description')}
            path={`${at}.description`}
          >
            {(ctl) => (
              <textarea
                {...ctl}
                rows={2}
                value={c.description ?? ''}
                onChange={(e) =>
                  onChange({ description: e.target.value === '' ? undefined : e.target.value })
                }
              />
            )}
          </Field>
          <div className="editor-grid">
            <SelectInput
              label="Scored as"
              path={`${at}.scale`}
              value={c.scale === 'none' ? '' : c.scale}
              options={scales}
              errors={msg('scale')}
              onChange={(v) => onChange({ scale: v as CriterionScale })}
            />
            {c.scale === 'range' && (
              <>
                <NumberInput
                  label="Lowest score"
                  path={`${at}.scale.min`}
                  value={c.min}
                  placeholder=""
                  errors={msg('scale.min')}
                  onChange={(min) => onChange({ min })}
                />
                <NumberInput
                  label="Highest score"
                  path={`${at}.scale.max`}
                  value={c.max}
                  placeholder=""
                  errors={msg('scale.max')}
                  onChange={(max) => onChange({ max })}
                />
              </>
            )}
            <NumberInput
              label="Weight"
              hint="Its share of the weighted total"
              path={`${at}.weight`}
              value={c.weight}
              placeholder="1"
              errors={msg('weight')}
              onChange={(weight) => onChange({ weight })}
            />
          </div>
        </>
      )}
    </>
  );
}
