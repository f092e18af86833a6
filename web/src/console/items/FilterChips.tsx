import type { Chip, ItemsView } from './view.ts';

/** The active filters, each with a button that removes it, and one that removes them all. */
export function FilterChips(props: { chips: Chip[]; onChange(view: ItemsView): void; onClearAll(): void }) {
  if (props.chips.length === 0) return null;
  return (
    <div className="row chips-row">
      <ul className="chips" aria-label="Active filters">
        {props.chips.map((chip) => (
          <li key={chip.key} className="chip">
            <span>{chip.label}</span>
            <button type="button" className="link-button" onClick={() => props.onChange(chip.without)}>
              Remove<span className="visually-hidden"> filter {chip.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onClearAll}>
        Clear all filters
      </button>
    </div>
  );
}
