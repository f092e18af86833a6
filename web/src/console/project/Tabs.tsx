import { Link } from '../../app/router.tsx';
import { type ProjectAccess, visibleTabs } from './access.ts';

/** The project's sections as links: each has its own address, so it can be bookmarked and shared. */
export function ProjectTabs({
  projectId,
  tab,
  access,
}: {
  projectId: number;
  tab: string;
  access: ProjectAccess;
}) {
  return (
    <nav className="tabs" aria-label="Project sections">
      {visibleTabs(access).map((t) => (
        <Link
          key={t.id}
          to={t.id === 'overview' ? `/projects/${projectId}` : `/projects/${projectId}/${t.id}`}
          {...(t.id === tab ? { 'aria-current': 'page' as const } : {})}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
