import { KeyHint } from '../KeyHint.tsx';

/** The keys of the player as buttons: what each is called, its key, and whether it needs a region selected. */
const KEYS = [
  { key: '[', shortcut: '[', hint: '[', name: 'Start', needsSelection: false },
  { key: ']', shortcut: ']', hint: ']', name: 'End', needsSelection: false },
  { key: 'p', shortcut: 'P', hint: 'P', name: 'Play region', needsSelection: true },
  { key: 'Delete', shortcut: 'Delete', hint: 'Del', name: 'Delete region', needsSelection: true },
] as const;

/**
 * The editor's controls above the waveform: the labels with their digits (pressed: the selected
 * region's label, or the one new regions get), the keys' buttons for the mouse, and the status
 * line read out as it changes.
 */
export function SegmentsBar(props: {
  labels: readonly string[] | undefined;
  nextLabel: string | undefined;
  selected: boolean;
  transcript: boolean;
  status: string;
  onPick: (label: string) => void;
  onKey: (key: string) => void;
  onStartLine: () => void;
}) {
  // Buttons keep focus where it was (the player), so its keys go on working after a click.
  const keep = (e: { preventDefault: () => void }) => e.preventDefault();
  return (
    <div className="segments-bar">
      {props.labels && (
        <fieldset className="row label-group">
          <legend className="visually-hidden">
            {props.selected ? 'Label of the selected region' : 'Label for new regions'}
          </legend>
          {props.labels.map((l, i) => (
            <button
              key={l}
              type="button"
              className="label-button"
              aria-pressed={props.nextLabel === l}
              aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
              onMouseDown={keep}
              onClick={() => props.onPick(l)}
            >
              <span className={`swatch span-c${i % 8}`} aria-hidden="true" />
              {i < 9 && <KeyHint>{i + 1}</KeyHint>} {l}
            </button>
          ))}
        </fieldset>
      )}
      <div className="row segments-keys">
        {KEYS.map((k) => (
          <button
            key={k.key}
            type="button"
            aria-keyshortcuts={k.shortcut}
            disabled={k.needsSelection && !props.selected}
            onMouseDown={keep}
            onClick={() => props.onKey(k.key)}
          >
            {k.name} <KeyHint>{k.hint}</KeyHint>
          </button>
        ))}
        {props.transcript && (
          <button type="button" onClick={props.onStartLine}>
            New line at the playhead
          </button>
        )}
      </div>
      <p className="muted small" aria-live="polite">
        {props.status}
      </p>
    </div>
  );
}
