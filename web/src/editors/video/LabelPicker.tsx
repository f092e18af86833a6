import { KeyHint } from '../KeyHint.tsx';

/** A label's colour: the span palette, by its place in the question's labels. */
export const colourClass = (labels: readonly string[], label: string | undefined) =>
  `span-c${Math.max(0, label === undefined ? 7 : labels.indexOf(label)) % 8}`;

/**
 * The labels of a video question as a radio group with their digit keys (1–9): the label new
 * marks take, or the one of what is selected.
 */
export function LabelPicker(props: {
  name: string;
  legend: string;
  labels: readonly string[];
  value: string | undefined;
  onPick: (label: string) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="video-labels">
      <legend className="visually-hidden">{props.legend}</legend>
      {props.labels.map((l, i) => (
        <label key={l}>
          <input
            type="radio"
            name={props.name}
            value={l}
            checked={props.value === l}
            disabled={props.disabled}
            aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
            onChange={() => props.onPick(l)}
          />
          <span className={`swatch ${colourClass(props.labels, l)}`} aria-hidden="true" />
          {i < 9 && <KeyHint>{i + 1}</KeyHint>} {l}
        </label>
      ))}
    </fieldset>
  );
}

/** The label a digit key picks (1 is the first), or undefined. */
export function digitLabel(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean },
  labels: readonly string[],
): string | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return undefined;
  return labels[Number(e.key) - 1];
}
