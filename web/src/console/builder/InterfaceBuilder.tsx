import { useState } from 'react';
import { FieldErrors } from '../Field.tsx';
import { otherErrors, type PathError, withPath } from '../pathErrors.ts';
import type { InterfaceDraft } from './draft.ts';
import { FieldList } from './FieldList.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { QuestionList } from './QuestionList.tsx';

/** The interface as a form (fields, questions) or as JSON; both edit the same draft. */
export function InterfaceBuilder(props: {
  draft: InterfaceDraft;
  onChange(d: InterfaceDraft): void;
  errors: readonly PathError[];
  /** Told while the JSON view holds text that does not parse (the draft is then its last good state). */
  onUnparsed?(problem: string | null): void;
}) {
  const { draft, onChange, errors } = props;
  const [mode, setMode] = useState<'form' | 'json'>('form');
  return (
    <section className="stack" aria-labelledby="builder-title">
      <div className="page-head">
        <h2 id="builder-title">Interface</h2>
        <fieldset className="row mode-switch">
          <legend className="visually-hidden">Edit the interface as</legend>
          <button type="button" aria-pressed={mode === 'form'} onClick={() => setMode('form')}>
            Form
          </button>
          <button type="button" aria-pressed={mode === 'json'} onClick={() => setMode('json')}>
            JSON
          </button>
        </fieldset>
      </div>
      {mode === 'json' ? (
        <JsonEditor draft={draft} onChange={onChange} onUnparsed={props.onUnparsed} />
      ) : (
        <>
          <FieldList
            fields={draft.fields}
            onChange={(fields) => onChange({ ...draft, fields })}
            errors={errors}
          />
          <QuestionList
            questions={draft.questions}
            fields={draft.fields}
            onChange={(questions) => onChange({ ...draft, questions })}
            errors={errors}
          />
          <FieldErrors errors={otherErrors(errors, '', ['fields', 'questions']).map(withPath)} />
        </>
      )}
    </section>
  );
}
