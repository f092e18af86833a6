import { useState } from 'react';
import '../console.css';
import { formatCents, formatMinutes } from '../../../../core/worklog.ts';
import { api, call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { useLoad } from '../useLoad.ts';

const today = () => new Date().toISOString().slice(0, 10);
const monthStart = () => `${today().slice(0, 8)}01`;

/**
 * The work log (docs/worklog.md) over a range of UTC days: one row per person, project and day,
 * with the "Download CSV" link for payroll. What it holds is what the caller may see: everyone's
 * for admins and managers, a project manager's projects, anyone's own work.
 */
export function WorklogTable({ headingLevel = 2 }: { headingLevel?: 1 | 2 }) {
  const [range, setRange] = useState({ from: monthStart(), to: today() });
  const valid = range.from !== '' && range.to !== '' && range.from <= range.to;
  const log = useLoad(
    (signal) => (valid ? call('worklog', { query: range, signal }) : Promise.resolve({ ...range, rows: [] })),
    `${range.from}\n${range.to}`,
  );
  const rows = log.data?.rows ?? [];
  const csv = api.url('worklogCsv', { query: range });
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <section className="card stack-tight wide" aria-labelledby="worklog-title">
      <div className="section-head">
        <Heading id="worklog-title">Work log</Heading>
        {valid && (
          <a className="button" href={csv} download={`worklog-${range.from}-${range.to}.csv`}>
            Download CSV
          </a>
        )}
      </div>
      <div className="row">
        <label>
          From (UTC){' '}
          <input
            type="date"
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.target.value })}
          />
        </label>
        <label>
          To (UTC){' '}
          <input type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} />
        </label>
      </div>
      {!valid && <p role="alert">Choose a start day on or before the end day.</p>}
      <ErrorAlert error={log.error} />
      {log.loading && !log.data && <p className="loading">Loading the work log…</p>}
      {log.data && rows.length === 0 && <p className="muted">No work in these days.</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="worklog-table">
            <caption className="visually-hidden">
              Work per person, project and day from {range.from} to {range.to}
            </caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Tutor</th>
                <th scope="col">Project</th>
                <th scope="col" className="num">
                  Submitted
                </th>
                <th scope="col" className="num">
                  Reviewed
                </th>
                <th scope="col" className="num">
                  Rework
                </th>
                <th scope="col" className="num">
                  Active minutes
                </th>
                <th scope="col">Rate</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.date}-${r.userId}-${r.projectId}`}>
                  <td>{r.date}</td>
                  <td>
                    <Name text={r.email ?? r.name} />
                  </td>
                  <td>
                    <Name text={r.project} />
                  </td>
                  <td className="num">{r.submitted}</td>
                  <td className="num">{r.reviewed}</td>
                  <td className="num">{r.rework}</td>
                  <td className="num">{formatMinutes(r.activeMs)}</td>
                  <td>{r.pay ? `${formatCents(r.pay.rateCents)} ${r.pay.currency} / ${r.pay.unit}` : '—'}</td>
                  <td className="num">
                    {r.amountCents === null || !r.pay
                      ? '—'
                      : `${formatCents(r.amountCents)} ${r.pay.currency}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
