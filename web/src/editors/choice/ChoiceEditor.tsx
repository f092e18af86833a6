import type { ChoiceQuestion } from '../../../../core/interface/index.ts';
import type { EditorProps } from '../Question.tsx';
import { OptionList } from './OptionList.tsx';

/** One option of many, as a native radio group: one Tab stop, arrows move, digits pick. */
export function ChoiceEditor(props: EditorProps<ChoiceQuestion, string>) {
  return (
    <OptionList
      name={props.q.name}
      kind="radio"
      options={props.q.options}
      isChecked={(o) => props.value === o}
      onToggle={(o) => props.onChange(o)}
      readOnly={props.readOnly}
      digits={props.digits}
      describedBy={props.describedBy}
    />
  );
}
