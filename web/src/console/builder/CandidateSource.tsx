import { messagesAt } from '../pathErrors.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { defaultPrompt, fieldRoles, fitting, type KindProps } from './field-roles.ts';

const typeWords: Record<string, string> = {
  responses: 'candidate answers (responses)',
  text: 'text',
  chat: 'conversation (chat)',
};
const anyOf = (types: readonly string[]) => types.map((t) => typeWords[t] ?? t).join(' or ');

/**
 * Where a question over candidate answers finds them (`field`) and the prompt they answer
 * (`prompt`), each offered only among the fields of a type the question accepts.
 */
export function CandidateSource(props: KindProps & { fieldLabel: string; fromScratch?: boolean }) {
  const { q, at, fields, errors, onChange } = props;
  const roles = fieldRoles(q.type);
  const fieldTypes = roles.field ?? [];
  const byDefault = defaultPrompt(fields, q.field);
  return (
    <div className="editor-grid">
      <FieldPicker
        label={props.fieldLabel}
        path={`${at}.field`}
        value={props.fromScratch && q.field === '' ? undefined : q.field}
        names={fitting(fields, fieldTypes)}
        none={props.fromScratch ? 'None: written from scratch' : undefined}
        missing={`Add a ${anyOf(fieldTypes)} field first`}
        hint={`A ${anyOf(fieldTypes)} field`}
        errors={messagesAt(errors, `${at}.field`)}
        onChange={(v) => onChange({ field: v ?? '' })}
      />
      <FieldPicker
        label="Prompt"
        path={`${at}.prompt`}
        value={q.prompt}
        names={fitting(fields, roles.prompt)}
        none={byDefault ? `The first chat or text field (${byDefault})` : 'None'}
        missing="Optional: a chat or text field holding the prompt"
        hint="What the candidates answer: shown above them, and the prompt in training exports"
        errors={messagesAt(errors, `${at}.prompt`)}
        onChange={(v) => onChange({ prompt: v })}
      />
    </div>
  );
}
