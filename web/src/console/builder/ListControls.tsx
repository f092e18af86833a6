/**
 * Move up, move down and remove for one entry of an ordered list. Moving keeps keyboard focus on
 * the button that was pressed (or its partner once the entry reaches an end of the list).
 */
export function ListControls(props: {
  id: string;
  what: string;
  index: number;
  count: number;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}) {
  const { id, what, index, count } = props;
  const moveBy = (delta: -1 | 1) => {
    props.onMove(delta);
    const landed = index + delta;
    const keep = delta === -1 ? (landed === 0 ? 'down' : 'up') : landed === count - 1 ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`${id}-${keep}`)?.focus());
  };
  return (
    <div className="row list-controls">
      <button
        type="button"
        id={`${id}-up`}
        onClick={() => moveBy(-1)}
        disabled={index === 0}
        aria-label={`Move ${what} up`}
      >
        ↑ Up
      </button>
      <button
        type="button"
        id={`${id}-down`}
        onClick={() => moveBy(1)}
        disabled={index === count - 1}
        aria-label={`Move ${what} down`}
      >
        ↓ Down
      </button>
      <button type="button" className="danger" onClick={props.onRemove} aria-label={`Remove ${what}`}>
        Remove
      </button>
    </div>
  );
}
