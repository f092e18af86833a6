import { KeyHint } from '../KeyHint.tsx';
/** The labels of a spans question with their letter keys; a click labels the selection. */
export function LabelBar(props: {
  labels: readonly string[];
  keys: ReadonlyMap<string, string>;
  colorOf: (label: string) => number;
  onPick: (label: string) => void;
  status: string;
}) {
  return (
    <div className="label-bar">
      <fieldset className="row label-group">
        <legend className="visually-hidden">Labels</legend>
        {props.labels.map((l) => {
          const key = props.keys.get(l);
          return (
            <button
              key={l}
              type="button"
              className="label-button"
              aria-keyshortcuts={key?.toUpperCase()}
              // Keep the text focused (and the selection alive) when a label is clicked.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => props.onPick(l)}
            >
              <span className={`swatch span-c${props.colorOf(l)}`} aria-hidden="true" />
              {key && <KeyHint>{key.toUpperCase()}</KeyHint>} {l}
            </button>
          );
        })}
      </fieldset>
      <p className="muted small" aria-live="polite">
        {props.status}
      </p>
    </div>
  );
}
