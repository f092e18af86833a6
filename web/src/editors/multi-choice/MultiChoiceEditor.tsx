import type { MultiChoiceQuestion } from '../../../../core/interface/index.ts';
import { OptionList } from '../choice/OptionList.tsx';
import type { EditorProps } from '../Question.tsx';

/** Any number of options; the answer keeps the declared option order. */
export function MultiChoiceEditor(props: EditorProps<MultiChoiceQuestion, string[]>) {
  const chosen = props.value ?? [];
  const toggle = (o: string) => {
    const next = chosen.includes(o)
      ? chosen.filter((c) => c !== o)
      : props.q.options.filter((x) => x === o || chosen.includes(x));
    props.onChange(next.length > 0 ? next : null);
  };
  const { minSelected: min, maxSelected: max } = props.q;
  return (
    <>
      {(min !== undefined || max !== undefined) && (
        <p className="muted small">
          {min !== undefined && max !== undefined
            ? `Choose ${min} to ${max}.`
            : min !== undefined
              ? `Choose at least ${min}.`
              : `Choose at most ${max}.`}
        </p>
      )}
      <OptionList
        name={props.q.name}
        kind="checkbox"
        options={props.q.options}
        isChecked={(o) => chosen.includes(o)}
        onToggle={toggle}
        readOnly={props.readOnly}
        digits={props.digits}
        describedBy={props.describedBy}
      />
    </>
  );
}
