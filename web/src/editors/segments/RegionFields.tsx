import { type KeyboardEvent, useState } from 'react';
import { speakerToken } from './kernels.ts';

/**
 * Enter in one of the region's boxes keeps the value and does not submit the item: focus goes back
 * to the player, where the next Enter submits.
 */
const keepOnEnter = (e: KeyboardEvent<HTMLInputElement>) => {
  if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
    e.preventDefault();
    const player = e.currentTarget.closest('.segments-editor')?.querySelector<HTMLElement>('.waveform');
    if (player) player.focus();
    else e.currentTarget.blur();
  }
};

/**
 * A time in seconds, typed: kept as typed while the box has focus, applied on leaving it or on
 * Enter (the editor snaps and clamps it; the box then shows what was kept), Esc puts it back.
 */
export function TimeInput(props: {
  value: number;
  label: string;
  readOnly: boolean;
  onCommit: (seconds: number) => void;
}) {
  const [typed, setTyped] = useState<string | undefined>();
  const commit = () => {
    const v = typed === undefined ? Number.NaN : Number(typed.replace(',', '.'));
    setTyped(undefined);
    if (Number.isFinite(v) && v !== props.value) props.onCommit(v);
  };
  return (
    <input
      className="region-time"
      type="text"
      inputMode="decimal"
      aria-label={props.label}
      readOnly={props.readOnly}
      value={typed ?? props.value.toFixed(2)}
      onChange={(e) => setTyped(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && typed !== undefined) {
          e.preventDefault();
          e.stopPropagation();
          setTyped(undefined);
        } else keepOnEnter(e);
      }}
    />
  );
}

/** One of a few names, or none (`none` says how "none" reads); `digits` shows each one's digit key. */
function NameSelect(props: {
  names: readonly string[];
  none: string;
  digits?: boolean;
  value: string | undefined;
  label: string;
  disabled: boolean;
  onChange: (name: string | undefined) => void;
}) {
  return (
    <select
      aria-label={props.label}
      value={props.value ?? ''}
      disabled={props.disabled}
      onChange={(e) => props.onChange(e.target.value || undefined)}
    >
      <option value="">{props.none}</option>
      {props.names.map((n, i) => (
        <option key={n} value={n}>
          {props.digits && i < 9 ? `${i + 1} ${n}` : n}
        </option>
      ))}
    </select>
  );
}

export function LabelSelect(props: {
  labels: readonly string[];
  value: string | undefined;
  label: string;
  disabled: boolean;
  onChange: (label: string | undefined) => void;
}) {
  return <NameSelect names={props.labels} none="(no label)" digits {...props} />;
}

/**
 * Who speaks: one of the question's speaker names, or a name typed freely with the names already
 * used offered (`listId` names their datalist). Typed names become RTTM tokens as typed.
 */
export function SpeakerField(props: {
  names: readonly string[] | undefined;
  listId: string;
  value: string | undefined;
  label: string;
  readOnly: boolean;
  onChange: (speaker: string | undefined) => void;
}) {
  if (props.names)
    return (
      <NameSelect
        names={props.names}
        none="(no speaker)"
        value={props.value}
        label={props.label}
        disabled={props.readOnly}
        onChange={props.onChange}
      />
    );
  return (
    <input
      className="region-speaker"
      type="text"
      aria-label={props.label}
      list={props.listId}
      maxLength={64}
      readOnly={props.readOnly}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(speakerToken(e.target.value) || undefined)}
      onKeyDown={keepOnEnter}
    />
  );
}

/** A region's text (its transcription) in the region list. */
export function TextField(props: {
  value: string | undefined;
  label: string;
  readOnly: boolean;
  onChange: (text: string) => void;
}) {
  return (
    <input
      className="region-text"
      type="text"
      aria-label={props.label}
      readOnly={props.readOnly}
      value={props.value ?? ''}
      onChange={(e) => props.onChange(e.target.value)}
      onKeyDown={keepOnEnter}
    />
  );
}
