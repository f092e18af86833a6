import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client.ts';
import { Link, useLocation, useTitle } from '../app/router.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import type { Project, Work } from '../work/api.ts';
import '../editors/editors.css';
import { isolatedName } from '../../../core/names.ts';
import { Name } from '../ui/Name.tsx';

type Status = 'submitted' | 'skipped' | 'locked';
const STATUS_LABEL: Record<Status, string> = {
  submitted: 'Submitted',
  skipped: 'Skipped',
  locked: 'In progress',
};

/** The first text of an item, shortened, so a row says which item it is. */
function excerptOf(work: Work): string {
  const first = Object.values(work.item.data).find((v): v is string => typeof v === 'string') ?? '';
  const flat = first.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${[...flat].slice(0, 120).join('')}…` : flat;
}

/** "My work": the annotator's own items on a project, to reopen and edit while the project allows. */
export function MyWork({ projectId }: { projectId: number }) {
  const { query } = useLocation();
  const [project, setProject] = useState<Project>();
  const [status, setStatus] = useState<Status>('submitted');
  const [rows, setRows] = useState<Work[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [returned, setReturned] = useState<string>();
  useTitle(project ? `My work · ${isolatedName(project.name)}` : 'My work');

  const load = useCallback(
    async (from: string | null) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await call('myAssignments', {
          params: { projectId },
          query: { status, limit: 50, ...(from ? { cursor: from } : {}) },
        });
        setRows((prev) => (from ? [...prev, ...(page?.items ?? [])] : (page?.items ?? [])));
        setCursor(page?.nextCursor ?? null);
      } catch (e) {
        setError(e);
      } finally {
        setLoading(false);
      }
    },
    [projectId, status],
  );

  useEffect(() => {
    call('getProject', { params: { projectId } }).then((p) => setProject(p ?? undefined), setError);
  }, [projectId]);
  useEffect(() => void load(null), [load]);

  const resubmitted = query.get('resubmitted');
  // A skip taken back: the item is the caller's to claim again (the server voids claim cursors).
  const returnSkip = async (w: Work) => {
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
  const editable = status !== 'skipped' && (status === 'locked' || project?.allowEditSubmitted === true);
  return (
    <div className="stack my-work">
      <p>
        <Link to={`/projects/${projectId}`}>← {project ? <Name text={project.name} /> : 'Project'}</Link>
      </p>
      <h1>My work</h1>
      {resubmitted && (
        <p className="alert alert-ok" role="status">
          Your changes are submitted.
        </p>
      )}
      <div className="row">
        <label className="inline-label">
          Show
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {Object.entries(STATUS_LABEL).map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <Link to={`/projects/${projectId}/annotate`}>Start annotating</Link>
      </div>
      {status === 'submitted' && project && !project.allowEditSubmitted && (
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
        <table>
          <caption className="visually-hidden">{STATUS_LABEL[status]} items</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Text</th>
              <th scope="col">{status === 'submitted' ? 'Submitted' : 'Since'}</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr key={w.assignment.id}>
                <td>{w.item.externalId ?? `#${w.item.id}`}</td>
                <td className="excerpt-cell">
                  {excerptOf(w)}
                  {w.annotation?.pendingAnswers && <span className="badge"> Unsubmitted edits</span>}
                  {w.assignment.skipReason && (
                    <span className="muted"> — skipped: {w.assignment.skipReason}</span>
                  )}
                </td>
                <td>{new Date(w.annotation?.submittedAt ?? w.assignment.createdAt).toLocaleString()}</td>
                <td>
                  {status === 'skipped' && (
                    <button type="button" onClick={() => void returnSkip(w)}>
                      Reopen
                      <span className="visually-hidden"> item {w.item.externalId ?? w.item.id}</span>
                    </button>
                  )}
                  {status !== 'skipped' && (
                    <Link to={`/projects/${projectId}/annotate?assignment=${w.assignment.id}`}>
                      {editable ? 'Edit' : 'View'}
                      <span className="visually-hidden"> item {w.item.externalId ?? w.item.id}</span>
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
