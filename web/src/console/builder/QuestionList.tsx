import { FieldErrors } from '../Field.tsx';
import { controlId, messagesExact, type PathError } from '../pathErrors.ts';
import { move, newQuestion, type QuestionDraft } from './draft.ts';
import { type FieldChoice, fitting } from './field-roles.ts';
import { ListControls } from './ListControls.tsx';
import { QuestionEditor } from './QuestionEditor.tsx';

/** The questions each item asks, in the order annotators see them. */
export function QuestionList(props: {
  questions: QuestionDraft[];
  fields: readonly FieldChoice[];
  onChange(questions: QuestionDraft[]): void;
  errors: readonly PathError[];
}) {
  const { questions, onChange, errors } = props;
  const update = (i: number, patch: Partial<QuestionDraft>) =>
    onChange(questions.map((q, j) => (j === i ? { ...q, ...patch } : q)));
  return (
    <section className="stack" aria-labelledby="builder-questions">
      <h3 id="builder-questions">Questions</h3>
      <FieldErrors errors={messagesExact(errors, 'questions')} />
      <ol className="editor-list">
        {questions.map((q, i) => (
          <li key={q.key} className="editor-entry">
            <fieldset>
              <legend>
                Question {i + 1}
                {q.name && `: ${q.name}`}
              </legend>
              <QuestionEditor
                q={q}
                at={`questions[${i}]`}
                fields={props.fields}
                errors={errors}
                onChange={(patch) => update(i, patch)}
              />
              <ListControls
                id={q.key}
                what={`question ${q.name || i + 1}`}
                index={i}
                count={questions.length}
                onMove={(d) => onChange(move(questions, i, d))}
                onRemove={() => onChange(questions.filter((_, j) => j !== i))}
              />
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={controlId('questions')}
        className="self-start"
        onClick={() => onChange([...questions, newQuestion('', fitting(props.fields, ['text'])[0] ?? '')])}
      >
        Add question
      </button>
    </section>
  );
}
