import { useState } from 'react';
import { api } from '../../api/client.ts';
import { Name } from '../../ui/Name.tsx';
import { formatDuration, formatTime } from '../format.ts';
import { type AnnotatorRow, nextSort, type Sort, type SortKey, sortRows } from './sort.ts';

const columns: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'name', label: 'Annotator', numeric: false },
  { key: 'submitted', label: 'Submitted', numeric: true },
  { key: 'skipped', label: 'Skipped', numeric: true },
  { key: 'activeMs', label: 'Active time', numeric: true },
  { key: 'medianMs', label: 'Median per item', numeric: true },
  { key: 'lastActiveAt', label: 'Last active', numeric: false },
];

/** Work per person: sortable by every column (a button in each header), with the CSV download. */
export function AnnotatorTable({ projectId, rows }: { projectId: number; rows: AnnotatorRow[] }) {
  const [sort, setSort] = useState<Sort>({ key: 'submitted', dir: 'desc' });
  const sorted = sortRows(rows, sort);
  const csv = api.url('annotatorStatsCsv', { params: { projectId } });
  return (
    <section className="card stack-tight wide" aria-labelledby="annotators-title">
      <div className="section-head">
        <h2 id="annotators-title">Annotators</h2>
        <a className="button" href={csv} download={`project-${projectId}-annotators.csv`}>
          Download CSV
        </a>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No annotators yet. Add members with the role annotator on the Members tab.</p>
      ) : (
        <div className="table-wrap">
          <table className="annotator-table">
            <caption className="visually-hidden">Annotators, sorted by {label(sort)}</caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={
                      sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined
                    }
                  >
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort(nextSort(sort, c.key))}
                    >
                      {c.label}
                      <span aria-hidden="true">
                        {sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                      </span>
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.userId} data-testid="annotator-row">
                  <th scope="row">
                    <Name text={r.name} />
                  </th>
                  <td className="num">{r.submitted.toLocaleString()}</td>
                  <td className="num">{r.skipped.toLocaleString()}</td>
                  <td className="num">{formatDuration(r.activeMs)}</td>
                  <td className="num">{r.medianMs === null ? '—' : formatDuration(r.medianMs)}</td>
                  <td>{r.lastActiveAt === null ? 'Never' : formatTime(r.lastActiveAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const label = (s: Sort): string =>
  `${columns.find((c) => c.key === s.key)!.label.toLowerCase()}, ${s.dir === 'asc' ? 'ascending' : 'descending'}`;
