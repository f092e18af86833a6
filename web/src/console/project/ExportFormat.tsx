import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS,
  type ExportFormat,
  PAIR_FORMATS,
} from '../../../../core/api/export-formats.ts';
import { Field } from '../Field.tsx';
import './export.css';

/** The formats that take submitted annotations only (all but jsonl and csv). */
export const takesSubmittedOnly = (format: ExportFormat): boolean => format !== 'jsonl' && format !== 'csv';

export interface FormatChoice {
  format: ExportFormat;
  pairs: 'all' | 'adjacent';
  /** As typed: checked by thresholdError. */
  threshold: string;
  /** nemo: a manifest line per segment or per media file. */
  nemoPer: 'segment' | 'file';
}

/** What is wrong with a typed threshold, if anything. */
export function thresholdError(text: string): string | undefined {
  const n = /^(\d+(\.\d*)?|\.\d+)$/.test(text.trim()) ? Number(text) : Number.NaN;
  return n >= 0 && n <= 1 ? undefined : 'A number from 0 to 1, such as 0.5.';
}

/**
 * The export's format: one radio per format with what a line is and which answers it takes, and
 * the options of the chosen one (pairs for the preference formats, the threshold for kto, lines
 * per segment or per file for nemo).
 */
export function ExportFormatPicker({
  value,
  onChange,
}: {
  value: FormatChoice;
  onChange: (next: FormatChoice) => void;
}) {
  const set = (patch: Partial<FormatChoice>) => onChange({ ...value, ...patch });
  const error = value.format === 'kto' ? thresholdError(value.threshold) : undefined;
  return (
    <fieldset className="stack export-filters">
      <legend>Format</legend>
      <ul className="export-formats">
        {EXPORT_FORMATS.map((format) => {
          const info = EXPORT_FORMAT_INFO[format];
          const id = `export-format-${format}`;
          return (
            <li key={format}>
              <input
                type="radio"
                name="export-format"
                id={id}
                value={format}
                checked={value.format === format}
                onChange={() => set({ format })}
                aria-describedby={`${id}-about`}
              />
              <label htmlFor={id}>
                <code>{format}</code>
              </label>
              <p id={`${id}-about`} className="muted">
                {info.description} <em>{info.rule}</em>
              </p>
            </li>
          );
        })}
      </ul>
      {PAIR_FORMATS.includes(value.format) && (
        <fieldset className="mode-switch">
          <legend>Pairs from a ranking</legend>
          <label className="check">
            <input
              type="radio"
              name="export-pairs"
              checked={value.pairs === 'all'}
              onChange={() => set({ pairs: 'all' })}
            />
            Every ordered pair across tiers (a ranking of 4 gives 6)
          </label>
          <label className="check">
            <input
              type="radio"
              name="export-pairs"
              checked={value.pairs === 'adjacent'}
              onChange={() => set({ pairs: 'adjacent' })}
            />
            Neighbouring tiers only (a ranking of 4 gives 3)
          </label>
        </fieldset>
      )}
      {value.format === 'nemo' && (
        <fieldset className="mode-switch">
          <legend>Manifest lines</legend>
          <label className="check">
            <input
              type="radio"
              name="export-nemo-per"
              checked={value.nemoPer === 'segment'}
              onChange={() => set({ nemoPer: 'segment' })}
            />
            One per segment with text, with its offset into the file
          </label>
          <label className="check">
            <input
              type="radio"
              name="export-nemo-per"
              checked={value.nemoPer === 'file'}
              onChange={() => set({ nemoPer: 'file' })}
            />
            One per media file, its segments' texts joined in time order
          </label>
        </fieldset>
      )}
      {value.format === 'kto' && (
        <Field
          label="Threshold"
          hint="A grade's total, or a turn's rating on its scale, from 0 to 1: at least this is labelled true."
          errors={error ? [error] : []}
        >
          {(c) => (
            <input
              {...c}
              inputMode="decimal"
              value={value.threshold}
              onChange={(e) => set({ threshold: e.target.value })}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}
