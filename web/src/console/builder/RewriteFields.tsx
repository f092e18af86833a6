import { messagesAt } from '../pathErrors.ts';
import { CandidateSource } from './CandidateSource.tsx';
import type { KindProps } from './field-roles.ts';
import { NumberInput } from './inputs.tsx';

/** Write the ideal answer: the candidates to start from (or none), the prompt, the longest answer. */
export function RewriteFields(props: KindProps) {
  const { q, at, errors, onChange } = props;
  return (
    <>
      <CandidateSource {...props} fieldLabel="Candidates to start from" fromScratch />
      <div className="editor-grid">
        <NumberInput
          label="Longest answer (characters)"
          path={`${at}.maxLength`}
          value={q.maxLength}
          placeholder="100000"
          errors={messagesAt(errors, `${at}.maxLength`)}
          onChange={(maxLength) => onChange({ maxLength })}
        />
      </div>
    </>
  );
}
