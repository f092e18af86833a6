import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client.ts';
import { Link, useLocation, useTitle } from '../app/router.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import type { Project, Work } from '../work/api.ts';
import '../console/console.css';
import '../editors/editors.css';
import { isolatedName } from '../../../core/names.ts';
import { Name } from '../ui/Name.tsx';
import { GuidelinesText } from '../work/GuidelinesText.tsx';
import { MyWorkRow } from '../work/MyWorkRow.tsx';

type Shown = 'all' | 'submitted' | 'skipped' | 'locked';
const SHOWN_LABEL: Record<Shown, string> = {
  submitted: 'Submitted',
  skipped: 'Skipped',
  locked: 'In progress',
  all: 'All',
};

/** "My work": the annotator's own items on a project, to reopen and edit while the project allows. */
export function MyWork({ projectId }: { projectId: number }) {
  const { query } = useLocation();
  const [project, setProject] = useState<Project>();
  const [shown, setShown] = useState<Shown>('submitted');
  const [rows, setRows] = useState<Work[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [returned, setReturned] = useState<string>();
  // "5 min ago" is counted from when the page was loaded, so the rows agree with each other.
  const [now, setNow] = useState(() => Date.now());
  useTitle(project ? `My work · ${isolatedName(project.name)}` : 'My work');

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await call('myAssignments', {
          params: { projectId },
          query: {
            limit: 50,
            ...(shown === 'all' ? {} : { status: shown }),
            ...(from ? { cursor: from } : {}),
          },
        });
        setNow(Date.now());
        setRows((prev) => (from ? [...prev, ...(page?.items ?? [])] : (page?.items ?? [])));
        setCursor(page?.nextCursor ?? null);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [projectId, shown],
  );

  useEffect(() => {
    call('getProject', { params: { projectId } }).then((p) => setProject(p ?? undefined), setError);
  }, [projectId]);
  useEffect(() => void load(null), [load]);

  const resubmitted = query.get('resubmitted');
  // A skip taken back: the item is the caller's to claim again (the server voids claim cursors).
  const reopen = async (w: Work) => {
    setError(undefined);
    setReturned(undefined);
    try {
      await call('returnSkip', { params: { assignmentId: w.assignment.id } });
      setRows((prev) => prev.filter((r) => r.assignment.id !== w.assignment.id));
      setReturned(w.item.externalId ?? `#${w.item.id}`);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="stack my-work">
      <p>
        <Link to={`/projects/${projectId}`}>← {project ? <Name text={project.name} /> : 'Project'}</Link>
      </p>
      <h1>My work</h1>
      {resubmitted && !returned && (
        <p className="alert alert-ok" role="status">
          Your changes are submitted.
        </p>
      )}
      <div className="row">
        <label className="inline-label">
          Show
          <select value={shown} onChange={(e) => setShown(e.target.value as Shown)}>
            {Object.entries(SHOWN_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <Link to={`/projects/${projectId}/annotate`}>Start annotating</Link>
      </div>
      {project && (
        <details className="card my-work-guidelines">
          <summary>Guidelines</summary>
          <GuidelinesText source={project.guidelines} empty="This project has no guidelines." />
        </details>
      )}
      {shown === 'submitted' && project && !project.allowEditSubmitted && (
        <p className="muted">This project does not allow editing submitted work; you can view it.</p>
      )}
      <ErrorAlert error={error} />
      {returned && (
        <p className="alert alert-ok" role="status">
          Item <Name text={returned} /> is back in your queue: Start annotating to take it again.
        </p>
      )}
      {rows.length === 0 && !loading ? (
        <p className="muted">Nothing here yet.</p>
      ) : (
        project && (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{SHOWN_LABEL[shown]} items</caption>
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Text</th>
                  <th scope="col">Answers</th>
                  <th scope="col">Status</th>
                  <th scope="col">When</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((w) => (
                  <MyWorkRow
                    key={w.assignment.id}
                    work={w}
                    project={project}
                    now={now}
                    onReopen={(x) => void reopen(x)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
      {loading && <p aria-live="polite">Loading…</p>}
      {cursor && !loading && (
        <button type="button" onClick={() => void load(cursor)}>
          Load more
        </button>
      )}
    </div>
  );
}
