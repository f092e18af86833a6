import { Field } from '../Field.tsx';
import { messagesAt } from '../pathErrors.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { fieldRoles, fitting, type KindProps } from './field-roles.ts';
import { CheckInput, LinesInput, NumberInput } from './inputs.tsx';

/**
 * A question of every assistant turn of a conversation: a rating, flags, a rewrite, or any of them.
 * A live question (a conversation with the model) asks the same of each reply, over the item's
 * opening turns if any, and bounds the tutor's messages.
 */
export function TurnsFields(props: KindProps) {
  const { q, at, fields, errors, onChange } = props;
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const live = q.type === 'live';
  return (
    <>
      <FieldPicker
        label={live ? 'Opening turns' : 'Conversation'}
        path={`${at}.field`}
        value={q.field}
        names={fitting(fields, fieldRoles(q.type).field)}
        {...(live ? { none: 'None: the tutor starts the conversation' } : {})}
        missing="Add a conversation (chat) field first"
        hint={
          live
            ? "A conversation (chat) field the talk with the project's model starts from"
            : 'A conversation (chat) field: the question is asked of each assistant turn'
        }
        errors={msg('field')}
        onChange={(v) => onChange({ field: v ?? '' })}
      />
      {live && (
        <Field
          label="System prompt (optional)"
          hint="Sent first, unless the opening turns start with one of their own."
          errors={msg('system')}
          path={`${at}.system`}
        >
          {(c) => (
            <textarea
              {...c}
              rows={2}
              value={q.system}
              onChange={(e) => onChange({ system: e.target.value })}
            />
          )}
        </Field>
      )}
      {live && (
        <div className="editor-grid">
          <NumberInput
            label="Most messages of the tutor"
            path={`${at}.maxTurns`}
            value={q.maxTurns}
            placeholder="10"
            errors={msg('maxTurns')}
            onChange={(maxTurns) => onChange({ maxTurns })}
          />
          <NumberInput
            label="Longest message of the tutor (characters)"
            path={`${at}.maxLength`}
            value={q.maxLength}
            placeholder="8000"
            errors={msg('maxLength')}
            onChange={(maxLength) => onChange({ maxLength })}
          />
        </div>
      )}
      <CheckInput
        label={live ? 'Rate each reply of the model' : 'Rate each turn'}
        path={`${at}.rating`}
        checked={q.askRating}
        errors={msg('rating')}
        onChange={(askRating) => onChange({ askRating })}
      />
      {q.askRating && (
        <div className="editor-grid">
          <NumberInput
            label="Lowest rating"
            path={`${at}.rating.min`}
            value={q.min}
            placeholder="1"
            errors={msg('rating.min')}
            onChange={(min) => onChange({ min })}
          />
          <NumberInput
            label="Highest rating"
            path={`${at}.rating.max`}
            value={q.max}
            placeholder="5"
            errors={msg('rating.max')}
            onChange={(max) => onChange({ max })}
          />
        </div>
      )}
      <CheckInput
        label="Flags to tick on each turn"
        checked={q.askFlags}
        onChange={(askFlags) => onChange({ askFlags })}
      />
      {q.askFlags && (
        <LinesInput
          label="Flags, one per line"
          path={`${at}.flags`}
          lines={q.lines}
          errors={msg('flags')}
          onChange={(lines, items) => onChange({ lines, items })}
        />
      )}
      <CheckInput
        label="A rewrite of each turn"
        path={`${at}.rewrite`}
        checked={q.rewrite}
        errors={msg('rewrite')}
        onChange={(rewrite) => onChange({ rewrite })}
      />
    </>
  );
}
