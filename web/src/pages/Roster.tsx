import { useState } from 'react';
import { api, call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { RosterFilters } from '../console/roster/RosterFilters.tsx';
import { RosterSelection } from '../console/roster/RosterSelection.tsx';
import { RosterTable } from '../console/roster/RosterTable.tsx';
import {
  EMPTY_FORM,
  type RosterForm,
  type RosterOrder,
  rosterQuery,
} from '../console/roster/roster-query.ts';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

const PAGE = 50;

/**
 * The Roster (docs/roster.md): the people an admin, a manager or a project manager oversees, with
 * filters, a sortable table, a CSV of every row the filters name, and actions on a selection
 * (suspend, offboard, reinstate for admins; each person's work in the chosen project).
 */
export function Roster() {
  useTitle('Roster');
  const me = useUser();
  const [form, setForm] = useState<RosterForm>(EMPTY_FORM);
  const [order, setOrder] = useState<RosterOrder>({ sort: 'name', order: 'asc' });
  const [offset, setOffset] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const query = rosterQuery(form, order);
  const key = JSON.stringify(query);
  const roster = useLoad(
    (signal) => call('roster', { query: { ...query, offset, limit: PAGE }, signal }),
    `${key}\n${offset}`,
  );
  const projects = useLoad((signal) => call('listProjects', { query: { limit: 500 }, signal }), '');
  const people = roster.data?.people ?? [];
  const total = roster.data?.total ?? 0;
  const starting = () => {
    setNotice('');
    setError(null);
  };
  /** New filters or order: back to the first page, nothing selected. */
  const refine = (next: () => void) => {
    starting();
    next();
    setOffset(0);
    setSelected(new Set());
  };
  const projectId = form.project ? Number(form.project) : null;
  return (
    <div className="stack">
      <PageHead title="Roster">
        <a className="button" href={api.url('rosterCsv', { query })} download="roster.csv">
          Download CSV
        </a>
      </PageHead>
      <RosterFilters
        applied={form}
        projects={projects.data?.items ?? []}
        onApply={(f) => refine(() => setForm(f))}
      />
      <p role="status" className="ok-text">
        {notice}
      </p>
      <ErrorAlert error={error ?? roster.error} />
      <RosterSelection
        people={people.filter((p) => selected.has(p.id))}
        projectId={projectId}
        canChangeStatus={me.role === 'admin'}
        onStart={starting}
        onError={setError}
        onDone={(message) => {
          setNotice(message);
          setSelected(new Set());
          roster.reload();
        }}
      />
      {roster.loading && !roster.data && <p className="loading">Loading the roster…</p>}
      {roster.data && (
        <p className="muted" aria-live="polite">
          {total === 0
            ? 'Nobody matches these filters.'
            : `${offset + 1}–${offset + people.length} of ${total.toLocaleString()} people${
                roster.data.scope === 'managed projects' ? ' (the members of the projects you manage)' : ''
              }`}
        </p>
      )}
      {people.length > 0 && (
        <RosterTable
          people={people}
          selfId={me.id}
          selected={selected}
          onSelect={(id, on) => {
            const next = new Set(selected);
            if (on) next.add(id);
            else next.delete(id);
            setSelected(next);
          }}
          order={order}
          onSort={(o) => refine(() => setOrder(o))}
          withProject={projectId !== null}
        />
      )}
      <nav className="row pager" aria-label="Roster pages">
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
          Previous page
        </button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
          Next page
        </button>
      </nav>
    </div>
  );
}
