import { FieldErrors } from '../Field.tsx';
import { controlId, messagesExact, otherErrors, type PathError, withPath } from '../pathErrors.ts';
import { CriterionEditor } from './CriterionEditor.tsx';
import { move } from './draft.ts';
import { type CriteriaOf, type CriterionDraft, criterionProperties, newCriterion } from './draft-criteria.ts';
import { ListControls } from './ListControls.tsx';

/**
 * The criteria of a pairwise or rubric question, in order: each with its inputs and Up, Down and
 * Remove, then Add criterion. Every problem under `criteria` is shown here, at its input or under
 * its criterion.
 */
export function CriteriaList(props: {
  criteria: CriterionDraft[] | undefined;
  of: CriteriaOf;
  /** The question's form path. */
  at: string;
  errors: readonly PathError[];
  onChange(criteria: CriterionDraft[]): void;
}) {
  const { of, errors, onChange } = props;
  const criteria = props.criteria ?? [];
  const at = `${props.at}.criteria`;
  const update = (i: number, patch: Partial<CriterionDraft>) =>
    onChange(criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <div className="stack-tight">
      <h4>{of === 'rubric' ? 'Criteria' : 'Criteria (optional: one more scale each)'}</h4>
      <FieldErrors errors={messagesExact(errors, at)} />
      {criteria.length > 0 && (
        <ol className="editor-list">
          {criteria.map((c, i) => {
            const here = `${at}[${i}]`;
            const what = `criterion ${c.name || i + 1}`;
            const shown = [...criterionProperties[of]].map((k) => `${here}.${k}`);
            return (
              <li key={c.key} className="editor-entry">
                <fieldset>
                  <legend>
                    Criterion {i + 1}
                    {c.name && `: ${c.name}`}
                  </legend>
                  <CriterionEditor c={c} of={of} at={here} errors={errors} onChange={(p) => update(i, p)} />
                  <FieldErrors errors={otherErrors(errors, here, shown).map(withPath)} />
                  <ListControls
                    id={c.key}
                    what={what}
                    index={i}
                    count={criteria.length}
                    onMove={(d) => onChange(move(criteria, i, d))}
                    onRemove={() => onChange(criteria.filter((_, j) => j !== i))}
                  />
                </fieldset>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        id={controlId(at)}
        className="self-start"
        onClick={() => onChange([...criteria, newCriterion()])}
      >
        Add criterion
      </button>
    </div>
  );
}
