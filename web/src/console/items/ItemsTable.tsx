import type { z } from 'zod';
import type { ItemSummary } from '../../../../core/api/items.ts';
import { Link } from '../../app/router.tsx';
import { Name } from '../../ui/Name.tsx';

type Row = z.output<typeof ItemSummary>;
const statusNames = { open: 'Open', in_progress: 'In progress', complete: 'Complete' } as const;

const metaText = (meta: Record<string, unknown>): string =>
  Object.entries(meta)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ');

/** One page of items: status, who submitted, and metadata, each row linking to the item. */
export function ItemsTable({ rows, overlap }: { rows: Row[]; overlap: number }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">External id</th>
            <th scope="col">Status</th>
            <th scope="col">Submitted</th>
            <th scope="col">Skips</th>
            <th scope="col">Annotators</th>
            <th scope="col">Priority</th>
            <th scope="col">Metadata</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to={`/items/${r.id}`}>#{r.id}</Link>
              </th>
              <td>{r.externalId ?? '—'}</td>
              <td>
                <span className={`status status-${r.status}`}>{statusNames[r.status]}</span>
                {r.stranded && (
                  <>
                    {' '}
                    <span className="status status-stranded">Cannot complete with the current members</span>
                  </>
                )}
              </td>
              <td>
                {r.submitted} of {overlap}
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
              <td>{r.priority}</td>
              <td className="meta-cell">{metaText(r.meta) || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
