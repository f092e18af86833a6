import type { CSSProperties, KeyboardEvent } from 'react';
import type { Preference } from '../../../../core/interface/index.ts';
import { KeyHint } from '../KeyHint.tsx';
import { pointOf, preferenceAt } from './scale.ts';

/**
 * One symmetric scale as a row of radios, A's strongest preference first. Arrows move along it
 * (the browser's radio group); a digit picks its point while focus is in the row; `digits` shows
 * the digit keys (the row the digit keys answer from elsewhere on the page).
 */
export function ScaleRow(props: {
  name: string;
  labels: readonly string[];
  pair: readonly string[];
  value: Partial<Preference> | undefined;
  onChange: (pref: Preference) => void;
  digits: boolean;
  describedBy: string;
}) {
  const { labels, pair } = props;
  const scale = labels.length;
  const chosen = pointOf(props.value, pair, scale);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
    const n = Number(e.key);
    if (n > scale) return;
    e.preventDefault();
    props.onChange(preferenceAt(n - 1, pair, scale));
    // The focus follows the choice, so the arrows go on from the point picked.
    e.currentTarget.closest('.scale-row')?.querySelectorAll('input')[n - 1]?.focus();
  };
  return (
    <div className="scale-row" style={{ '--points': scale } as CSSProperties}>
      {labels.map((label, point) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the points of a scale, fixed; labels may repeat
        <label key={point} className={`scale-point${chosen === point ? ' chosen' : ''}`}>
          <input
            type="radio"
            name={props.name}
            checked={chosen === point}
            onChange={() => props.onChange(preferenceAt(point, pair, scale))}
            onKeyDown={onKeyDown}
            aria-describedby={props.describedBy}
            aria-keyshortcuts={props.digits ? String(point + 1) : undefined}
          />
          {props.digits && <KeyHint>{point + 1}</KeyHint>}
          <span>{label}</span>
        </label>
      ))}
    </div>
  );
}
