import { useState } from 'react';
import type { AuditEntry } from '../../../core/api/audit.ts';
import { changeLines } from '../../../core/audit-view.ts';
import { api, call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import '../console/console.css';
import './audit.css';

type Filters = {
  since: string;
  until: string;
  actor: string;
  action: string;
  target: string;
  project: string;
};
const empty: Filters = { since: '', until: '', actor: '', action: '', target: '', project: '' };
const PAGE = 50;

/** The filters as the API's query: empty ones left out, days as UTC dates. */
const queryOf = (f: Filters): Record<string, string> =>
  Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );

/**
 * The Audit page (admins; managers see their projects' entries; docs/audit.md): every
 * administrative act, newest first, filtered, a page at a time, with the export links.
 */
export function Audit() {
  useTitle('Audit log');
  const [draft, setDraft] = useState<Filters>(empty);
  const [filters, setFilters] = useState<Filters>(empty);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const query = queryOf(filters);
  const page = useLoad(
    (signal) =>
      call('listAudit', { query: { ...query, limit: String(PAGE), ...(cursor ? { cursor } : {}) }, signal }),
    `${JSON.stringify(query)}\n${cursor ?? ''}`,
  );
  const field = (key: keyof Filters, label: string, type = 'text', placeholder = '') => (
    <label>
      {label}{' '}
      <input
        type={type}
        value={draft[key]}
        placeholder={placeholder}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </label>
  );
  const items = page.data?.items ?? [];
  return (
    <div className="stack">
      <section className="card stack-tight wide" aria-labelledby="audit-title">
        <div className="section-head">
          <h1 id="audit-title">Audit log</h1>
          <span className="row">
            <a
              className="button"
              href={api.url('exportAudit', { query: { ...query, format: 'jsonl' } })}
              download="audit.jsonl"
            >
              Export JSONL
            </a>
            <a
              className="button"
              href={api.url('exportAudit', { query: { ...query, format: 'csv' } })}
              download="audit.csv"
            >
              Export CSV
            </a>
          </span>
        </div>
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters(draft);
            setCursors([undefined]);
          }}
        >
          {field('since', 'Since (UTC)', 'date')}
          {field('until', 'Before (UTC)', 'date')}
          {field('actor', 'Actor', 'text', 'email or id')}
          {field('action', 'Action', 'text', 'user.role or user.')}
          {field('target', 'Target', 'text', 'email or id')}
          {field('project', 'Project id', 'number')}
          <button type="submit">Filter</button>
        </form>
        <ErrorAlert error={page.error} />
        {page.loading && !page.data && <p className="loading">Loading the audit log…</p>}
        {page.data && items.length === 0 && <p className="muted">No entries match.</p>}
        {items.length > 0 && <AuditTable items={items} />}
        <div className="row">
          <button
            type="button"
            disabled={cursors.length === 1}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Newer
          </button>
          <button
            type="button"
            disabled={!page.data?.nextCursor}
            onClick={() => page.data?.nextCursor && setCursors([...cursors, page.data.nextCursor])}
          >
            Older
          </button>
        </div>
      </section>
    </div>
  );
}

function AuditTable({ items }: { items: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="audit-table">
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Project</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
              <td>{e.actor === null ? <span className="muted">system</span> : <Name text={e.actor} />}</td>
              <td>
                <code>{e.action}</code>
              </td>
              <td>
                {e.targetType} {e.targetId ?? ''}
                {e.targetEmail && (
                  <>
                    {' '}
                    <Name text={e.targetEmail} />
                  </>
                )}
              </td>
              <td>{e.projectId ?? ''}</td>
              <td>
                <ul className="audit-change">
                  {changeLines(e.before, e.after).map((line) => (
                    <li key={line}>
                      <code>{line}</code>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
