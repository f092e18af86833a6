import { messagesAt } from '../pathErrors.ts';
import { linesKey } from './draft.ts';
import { FieldPicker } from './FieldPicker.tsx';
import { fieldRoles, fitting, type KindProps } from './field-roles.ts';
import { CheckInput, LinesInput, NumberInput } from './inputs.tsx';
import { MediaFields } from './MediaFields.tsx';
import { PairwiseFields } from './PairwiseFields.tsx';
import { RankingFields } from './RankingFields.tsx';
import { RewriteFields } from './RewriteFields.tsx';
import { RubricFields } from './RubricFields.tsx';
import { StepsFields } from './StepsFields.tsx';
import { TurnsFields } from './TurnsFields.tsx';

/** What a question's type adds: its options or labels, bounds, the fields it works on, and how it is shown. */
export function QuestionTypeFields(props: KindProps) {
  switch (props.q.type) {
    case 'pairwise':
      return <PairwiseFields {...props} />;
    case 'ranking':
      return <RankingFields {...props} />;
    case 'rubric':
      return <RubricFields {...props} />;
    case 'steps':
      return <StepsFields {...props} />;
    case 'rewrite':
      return <RewriteFields {...props} />;
    case 'turns':
    case 'live':
      return <TurnsFields {...props} />;
    case 'segments':
    case 'frames':
    case 'tracks':
      return <MediaFields {...props} />;
    default:
      return <BasicTypeFields {...props} />;
  }
}

/** The inputs of the first kinds: choices, spans, rating, number and free text. */
function BasicTypeFields({ q, at, fields, errors, onChange }: KindProps) {
  const list = linesKey(q.type);
  const msg = (key: string) => messagesAt(errors, `${at}.${key}`);
  const number = (
    key: 'min' | 'max' | 'minSelected' | 'maxSelected' | 'maxLength',
    label: string,
    placeholder: string,
    hint?: string,
  ) => (
    <NumberInput
      label={label}
      hint={hint}
      path={`${at}.${key}`}
      value={q[key]}
      placeholder={placeholder}
      errors={msg(key)}
      onChange={(v) => onChange({ [key]: v })}
    />
  );
  const check = (key: 'allowOverlap' | 'integer' | 'multiline', label: string) => (
    <CheckInput label={label} checked={q[key]} onChange={(v) => onChange({ [key]: v })} />
  );
  return (
    <>
      {list && (
        <LinesInput
          label={list === 'options' ? 'Options, one per line' : 'Labels, one per line'}
          path={`${at}.${list}`}
          lines={q.lines}
          errors={msg(list)}
          onChange={(lines, items) => onChange({ lines, items })}
        />
      )}
      {q.type === 'multi_choice' && (
        <div className="editor-grid">
          {number('minSelected', 'At least this many selected', 'none', 'Checked on submit, not in drafts')}
          {number('maxSelected', 'At most this many selected', 'any')}
        </div>
      )}
      {q.type === 'spans' && (
        <div className="editor-grid">
          <FieldPicker
            label="Text field to mark up"
            path={`${at}.field`}
            value={q.field}
            names={fitting(fields, fieldRoles('spans').field)}
            missing="Add a text field first"
            errors={msg('field')}
            onChange={(v) => onChange({ field: v ?? '' })}
          />
          {check('allowOverlap', 'Spans may overlap')}
        </div>
      )}
      {(q.type === 'rating' || q.type === 'number') && (
        <div className="editor-grid">
          {number('min', 'Minimum', q.type === 'rating' ? '1' : 'none')}
          {number('max', 'Maximum', q.type === 'rating' ? '5' : 'none')}
          {q.type === 'number' && check('integer', 'Whole numbers only')}
        </div>
      )}
      {q.type === 'text' && (
        <div className="editor-grid">
          {number('maxLength', 'Longest answer (characters)', '100000')}
          {check('multiline', 'Several lines (a text area)')}
        </div>
      )}
    </>
  );
}
