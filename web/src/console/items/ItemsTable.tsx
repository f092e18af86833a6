import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import type { ItemSummary } from '../../../../core/api/items.ts';
import { Link } from '../../app/router.tsx';
import { Name } from '../../ui/Name.tsx';
import { type ItemsView, previewOf, reviewLabels, type Sort } from './view.ts';

type Row = z.output<typeof ItemSummary>;
const statusNames = {
  open: 'Open',
  in_progress: 'In progress',
  complete: 'Complete',
  awaiting: 'Awaiting candidates',
} as const;

const metaText = (meta: Record<string, unknown>): string =>
  Object.entries(meta)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');

/** Rows picked for a bulk action: kept by the browser across pages. */
export interface Selection {
  has(id: number): boolean;
  toggle(id: number): void;
  /** Selects (or unselects) every row of the page. */
  setPage(ids: number[], on: boolean): void;
}

/**
 * One page of items: a checkbox per row (when rows can be selected), the start of the item's text
 * as plain text, status, who submitted, how much their answers disagree, and metadata; each row links to the item. Sortable
 * columns have a button in their header and say how they are sorted (aria-sort).
 */
export function ItemsTable(props: {
  rows: Row[];
  view: ItemsView;
  onSort(sort: Sort): void;
  selection: Selection | undefined;
}) {
  const { rows, selection } = props;
  const sortable = (sort: Sort, label: string) => (
    <SortHeader sort={sort} label={label} view={props.view} onSort={props.onSort} />
  );
  return (
    <div className="table-wrap">
      <table className="items-table">
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            {selection && (
              <th scope="col">
                <PageCheckbox ids={rows.map((r) => r.id)} selection={selection} />
              </th>
            )}
            {sortable('id', 'Item')}
            <th scope="col">Text</th>
            {sortable('externalId', 'External id')}
            <th scope="col">Status</th>
            {sortable('submitted', 'Submitted')}
            {sortable('disagreement', 'Disagreement')}
            <th scope="col">Skips</th>
            <th scope="col">Annotators</th>
            <th scope="col">Review</th>
            {sortable('priority', 'Priority')}
            {sortable('createdAt', 'Imported')}
            <th scope="col">Metadata</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {selection && (
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select item #${r.id}`}
                    checked={selection.has(r.id)}
                    onChange={() => selection.toggle(r.id)}
                  />
                </td>
              )}
              <th scope="row">
                <Link to={`/items/${r.id}`}>#{r.id}</Link>
              </th>
              <td>
                <span className="item-preview">{previewOf(r) || '—'}</span>
              </td>
              <td>{r.externalId ?? '—'}</td>
              <td>
                <span className={`status status-${r.status}`}>{statusNames[r.status]}</span>
                {r.stranded && (
                  <>
                    {' '}
                    <span className="status status-stranded">Cannot complete with the current members</span>
                  </>
                )}
                {r.flagged && (
                  <>
                    {' '}
                    <span
                      className="status status-flagged"
                      title="An answer looks mostly pasted or typed implausibly fast; open the item to see it"
                    >
                      Flagged
                    </span>
                  </>
                )}
              </td>
              <td>
                {r.submitted} of {r.target}
              </td>
              <td title="0: every answer agrees; 1 at most. Shown from two answers on.">
                {r.disagreement === null ? '—' : r.disagreement.toFixed(2)}
              </td>
              <td>{r.skipped}</td>
              <td>
                {r.annotators.length === 0
                  ? '—'
                  : r.annotators.map((a, k) => (
                      <span key={a}>
                        {k > 0 && ', '}
                        <Name text={a} />
                      </span>
                    ))}
              </td>
              <td data-testid="review-cell">
                {r.review.length === 0 ? '—' : r.review.map((s) => reviewLabels[s]).join(', ')}
              </td>
              <td>{r.priority}</td>
              <td>
                <time dateTime={r.createdAt}>{r.createdAt.slice(0, 10)}</time>
              </td>
              <td className="meta-cell">{metaText(r.meta) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SortHeader(props: { sort: Sort; label: string; view: ItemsView; onSort(sort: Sort): void }) {
  const active = props.view.sort === props.sort;
  const direction = props.view.order === 'asc' ? 'ascending' : 'descending';
  return (
    <th scope="col" aria-sort={active ? direction : undefined}>
      <button type="button" className="sort-button" onClick={() => props.onSort(props.sort)}>
        {props.label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (props.view.order === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** Selects every row of the page; shows "some" (indeterminate) when only part of it is selected. */
function PageCheckbox({ ids, selection }: { ids: number[]; selection: Selection }) {
  const picked = ids.filter((id) => selection.has(id)).length;
  const all = ids.length > 0 && picked === ids.length;
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = picked > 0 && !all;
  }, [picked, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select every item on this page"
      checked={all}
      onChange={() => selection.setPage(ids, !all)}
    />
  );
}
