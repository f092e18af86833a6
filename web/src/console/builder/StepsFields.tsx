import { messagesAt } from '../pathErrors.ts';
import { CandidateSource } from './CandidateSource.tsx';
import type { KindProps } from './field-roles.ts';
import { SelectInput, TextInput } from './inputs.tsx';

const splits = [
  ['paragraphs', 'By paragraphs (blank lines)'],
  ['lines', 'By lines'],
  ['given', 'As given in the item'],
] as const;

/** Check a response step by step: where it is, and how it is cut into steps. */
export function StepsFields(props: KindProps) {
  const { q, at, fields, errors, onChange } = props;
  const overText = fields.some((f) => f.name === q.field && f.type === 'text');
  return (
    <>
      <CandidateSource {...props} fieldLabel="Response to check" />
      <div className="editor-grid">
        <SelectInput
          label="Steps"
          hint={q.split === 'given' && !overText ? "Each candidate's own steps list" : undefined}
          path={`${at}.split`}
          value={q.split}
          options={splits}
          errors={messagesAt(errors, `${at}.split`)}
          onChange={(split) => onChange({ split })}
        />
        {(q.split === 'given' || q.stepsKey !== '') && (
          <TextInput
            label="Key of the steps in the item's data"
            hint="For a text field: the item data key holding its list of steps"
            path={`${at}.stepsKey`}
            value={q.stepsKey}
            errors={messagesAt(errors, `${at}.stepsKey`)}
            onChange={(stepsKey) => onChange({ stepsKey })}
          />
        )}
      </div>
    </>
  );
}
