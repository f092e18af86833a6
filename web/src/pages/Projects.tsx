import { useState } from 'react';
import type { Project } from '../../../core/api/projects.ts';
import { call } from '../api/client.ts';
import { navigate, useTitle } from '../app/router.tsx';
import { isManager, useUser } from '../app/session.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { ProjectCard } from '../console/ProjectCard.tsx';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

/** The projects the user can see; managers and admins also create them here. */
export function Projects() {
  useTitle('Projects');
  const user = useUser();
  const manager = isManager(user);
  const [more, setMore] = useState<{ items: Project[]; cursor: string | null } | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const first = useLoad((signal) => call('listProjects', { query: { limit: 50 }, signal }), 'projects');
  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const cursor = more ? more.cursor : (first.data?.nextCursor ?? null);
  const loadMore = async () => {
    if (!cursor) return;
    try {
      const page = await call('listProjects', { query: { limit: 50, cursor } });
      setMore({ items: [...(more?.items ?? []), ...(page?.items ?? [])], cursor: page?.nextCursor ?? null });
    } catch (err) {
      setMoreError(err);
    }
  };
  return (
    <div className="stack">
      <PageHead title="Projects">
        {manager && (
          <button type="button" className="primary" onClick={() => navigate('/projects/new')}>
            New project
          </button>
        )}
      </PageHead>
      <ErrorAlert error={first.error} />
      {first.loading && !first.data && <p>Loading projects…</p>}
      {first.data && items.length === 0 && (
        <p className="muted">
          {manager
            ? 'No projects yet. Create one to start collecting annotations.'
            : 'You are not a member of any project yet. Ask a manager to add you.'}
        </p>
      )}
      <ul className="card-grid" aria-label="Projects">
        {items.map((p) => (
          <ProjectCard key={p.id} project={p} manager={manager} />
        ))}
      </ul>
      <ErrorAlert error={moreError} />
      {cursor && (
        <button type="button" onClick={() => void loadMore()} className="self-start">
          Show more projects
        </button>
      )}
    </div>
  );
}
