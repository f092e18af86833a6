import { messagesAt } from '../pathErrors.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { fieldRoles, fitting, type KindProps } from './field-roles.ts';
import { CheckInput, LinesInput, NumberInput } from './inputs.tsx';

/** A question of every assistant turn of a conversation: a rating, flags, a rewrite, or any of them. */
export function TurnsFields(props: KindProps) {
  const { q, at, fields, errors, onChange } = props;
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  return (
    <>
      <FieldPicker
        label="Conversation"
        path={`${at}.field`}
        value={q.field}
        names={fitting(fields, fieldRoles(q.type).field)}
        missing="Add a conversation (chat) field first"
        hint="A conversation (chat) field: the question is asked of each assistant turn"
        errors={msg('field')}
        onChange={(v) => onChange({ field: v ?? '' })}
      />
      <CheckInput
        label="Rate each turn"
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
