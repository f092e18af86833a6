/** Previous and next page buttons for cursor pagination (see useCursorPages). */
export function Pager(props: {
  page: number;
  nextCursor: string | null | undefined;
  onNext(cursor: string): void;
  onPrevious(): void;
  label: string;
}) {
  const { nextCursor } = props;
  return (
    <nav className="row pager" aria-label={props.label}>
      <button type="button" onClick={props.onPrevious} disabled={props.page <= 1}>
        Previous page
      </button>
      <span aria-live="polite">Page {props.page}</span>
      <button type="button" onClick={() => nextCursor && props.onNext(nextCursor)} disabled={!nextCursor}>
        Next page
      </button>
    </nav>
  );
}
