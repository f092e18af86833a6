import { isolatedName } from '../../../core/names.ts';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { useLoad } from '../console/useLoad.ts';
import { WorklogTable } from '../console/worklog/WorklogTable.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';

/**
 * "My work" from the main navigation: the projects the user works on, each leading to their work
 * there and to the next item, and their own work log (docs/worklog.md). (My work itself is per
 * project: /projects/:id/my-work.)
 */
export function MyWorkHome() {
  useTitle('My work');
  const projects = useLoad((signal) => call('listProjects', { query: { limit: 100 }, signal }), 'mine');
  const items = projects.data?.items ?? [];
  return (
    <div className="stack">
      <h1>My work</h1>
      <ErrorAlert error={projects.error} />
      {projects.loading && !projects.data && <p className="loading">Loading your projects…</p>}
      {projects.data && items.length === 0 && <p className="muted">You are not on any project yet.</p>}
      {items.length > 0 && (
        <ul className="stack-tight my-work-projects">
          {items.map((p) => (
            <li key={p.id} className="row">
              <Link to={`/projects/${p.id}/my-work`}>
                <Name text={p.name} />
                <span className="visually-hidden">: my work</span>
              </Link>
              <Link to={`/projects/${p.id}/annotate`}>
                Start annotating<span className="visually-hidden"> in {isolatedName(p.name)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <WorklogTable />
    </div>
  );
}
