import type { Ref } from 'react';
import type { ShownCandidate } from './candidates.ts';

/**
 * Which candidate an editor works on, as a radio group in the annotator's shown order ("Response A",
 * "Response B"…), with an optional extra choice (`none`: write from scratch) that picks null.
 * Controlled: a pick the editor must confirm first leaves the old choice checked.
 */
export function CandidatePicker(props: {
  legend: string;
  name: string;
  candidates: readonly ShownCandidate[];
  value: string | null | undefined;
  onPick: (id: string | null) => void;
  readOnly: boolean;
  describedBy?: string;
  none?: string;
  groupRef?: Ref<HTMLFieldSetElement>;
}) {
  const choices: { id: string | null; label: string }[] = [
    ...props.candidates.map((c) => ({ id: c.id, label: `Response ${c.letter}` })),
    ...(props.none !== undefined ? [{ id: null, label: props.none }] : []),
  ];
  if (props.readOnly) {
    const chosen = choices.find((c) => c.id === props.value && props.value !== undefined);
    return (
      <p className="picker-readonly">
        <span className="muted">{props.legend}: </span>
        {chosen?.label ?? '—'}
      </p>
    );
  }
  return (
    <fieldset className="candidate-picker" ref={props.groupRef}>
      <legend className="picker-legend">{props.legend}</legend>
      <div className="options horizontal">
        {choices.map((c) => (
          <label key={c.id ?? '\u0000none'} className="option">
            <input
              type="radio"
              name={props.name}
              checked={props.value !== undefined && props.value === c.id}
              onChange={() => props.onPick(c.id)}
              aria-describedby={props.describedBy}
            />
            <span>{c.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
