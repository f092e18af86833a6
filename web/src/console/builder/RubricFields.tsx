import { messagesAt } from '../pathErrors.ts';
import { CandidateSource } from './CandidateSource.tsx';
import { CriteriaList } from './CriteriaList.tsx';
import type { KindProps } from './field-roles.ts';
import { CheckInput, SelectInput } from './inputs.tsx';

const grades = [
  ['each', 'Each candidate'],
  ['one', 'One candidate, of the annotator’s choice'],
] as const;

/** Grade a response, or each, against criteria: where it is, how many grades, comments, the criteria. */
export function RubricFields(props: KindProps) {
  const { q, at, fields, errors, onChange } = props;
  const overText = fields.some((f) => f.name === q.field && f.type === 'text');
  return (
    <>
      <CandidateSource {...props} fieldLabel="Response to grade" />
      <div className="editor-grid">
        <SelectInput
          label="Grade"
          hint={overText ? 'A text field has one response: it gets one grade' : undefined}
          path={`${at}.grade`}
          value={q.grade}
          options={grades}
          errors={messagesAt(errors, `${at}.grade`)}
          onChange={(grade) => onChange({ grade })}
        />
        <CheckInput
          label="A comment box for each criterion"
          path={`${at}.comments`}
          checked={q.comments}
          errors={messagesAt(errors, `${at}.comments`)}
          onChange={(comments) => onChange({ comments })}
        />
      </div>
      <CriteriaList
        criteria={q.criteria}
        of="rubric"
        at={at}
        errors={errors}
        onChange={(criteria) => onChange({ criteria })}
      />
    </>
  );
}
