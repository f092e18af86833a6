import { type KeyboardEvent, useRef } from 'react';
import { KeyHint } from '../KeyHint.tsx';

/**
 * Radio or checkbox options with their digit keys shown. Checkbox groups use a roving tabindex
 * (arrows move between boxes) so a whole question is one Tab stop, like a radio group.
 * Read-only, the options are a plain list with the chosen ones marked: disabled inputs would be
 * hard to read.
 */
export function OptionList<T extends string | number>(props: {
  name: string;
  kind: 'radio' | 'checkbox';
  options: readonly T[];
  isChecked: (option: T) => boolean;
  onToggle: (option: T) => void;
  readOnly: boolean;
  digits: boolean;
  describedBy: string;
  horizontal?: boolean;
}) {
  const listRef = useRef<HTMLDivElement>(null);
  const layout = props.horizontal ? 'options horizontal' : 'options';
  if (props.readOnly) {
    return (
      <ul className={`${layout} readonly`}>
        {props.options.map((o) => (
          <li key={String(o)} className={props.isChecked(o) ? 'chosen' : undefined}>
            <span aria-hidden="true">{props.isChecked(o) ? '✓ ' : ''}</span>
            {String(o)}
            {props.isChecked(o) && <span className="visually-hidden"> (chosen)</span>}
          </li>
        ))}
      </ul>
    );
  }
  const firstTabbable = Math.max(0, props.options.findIndex(props.isChecked));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (props.kind !== 'checkbox') return;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (step === undefined) return;
    const boxes = Array.from(listRef.current?.querySelectorAll<HTMLInputElement>('input') ?? []);
    const at = boxes.indexOf(e.currentTarget);
    const next = boxes[(at + step + boxes.length) % boxes.length];
    if (!next) return;
    e.preventDefault();
    for (const b of boxes) b.tabIndex = b === next ? 0 : -1;
    next.focus();
  };
  return (
    <div className={layout} ref={listRef}>
      {props.options.map((o, i) => (
        <label key={String(o)} className="option">
          <input
            type={props.kind}
            name={props.name}
            checked={props.isChecked(o)}
            onChange={() => props.onToggle(o)}
            onKeyDown={onKeyDown}
            aria-describedby={props.describedBy}
            aria-keyshortcuts={props.digits && i < 9 ? String(i + 1) : undefined}
            tabIndex={props.kind === 'checkbox' ? (i === firstTabbable ? 0 : -1) : undefined}
          />
          {props.digits && i < 9 && <KeyHint>{i + 1}</KeyHint>}
          <span>{String(o)}</span>
        </label>
      ))}
    </div>
  );
}
