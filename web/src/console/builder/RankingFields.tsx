import { messagesAt } from '../pathErrors.ts';
import { CandidateSource } from './CandidateSource.tsx';
import type { KindProps } from './field-roles.ts';
import { CheckInput } from './inputs.tsx';

/** Order every candidate best first: where they are, and whether two may share a place. */
export function RankingFields(props: KindProps) {
  const { q, at, errors, onChange } = props;
  return (
    <>
      <CandidateSource {...props} fieldLabel="Candidates to rank" />
      <CheckInput
        label="Ties allowed (candidates may share a place)"
        path={`${at}.allowTies`}
        checked={q.allowTies}
        errors={messagesAt(errors, `${at}.allowTies`)}
        onChange={(allowTies) => onChange({ allowTies })}
      />
    </>
  );
}
