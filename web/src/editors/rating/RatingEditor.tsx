import type { RatingQuestion } from '../../../../core/interface/index.ts';
import { OptionList } from '../choice/OptionList.tsx';
import { optionsOf } from '../keymap.ts';
import type { EditorProps } from '../Question.tsx';

/** A whole number from min to max as a row of radios (a Likert scale). */
export function RatingEditor(props: EditorProps<RatingQuestion, number>) {
  return (
    <OptionList
      name={props.q.name}
      kind="radio"
      options={optionsOf(props.q) as number[]}
      isChecked={(o) => props.value === o}
      onToggle={(o) => props.onChange(o)}
      readOnly={props.readOnly}
      digits={props.digits}
      describedBy={props.describedBy}
      horizontal
    />
  );
}
