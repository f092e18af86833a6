import type { Project } from '../../../core/api/projects.ts';
import { Link } from '../app/router.tsx';
import { Name } from '../ui/Name.tsx';
import { ProjectProgress } from './Progress.tsx';

/** One project in the list: its name, progress, and the way in for the viewer's role. */
export function ProjectCard({ project, manager }: { project: Project; manager: boolean }) {
  const base = `/projects/${project.id}`;
  return (
    <li className="card project-card">
      <h2>
        <Link to={base}>
          <Name text={project.name} wide />
        </Link>
      </h2>
      <ProjectProgress progress={project.progress} />
      <div className="row">
        {manager ? (
          <>
            <Link to={`${base}/items`}>Items</Link>
            <Link to={`${base}/import`}>Import</Link>
            <Link to={`${base}/members`}>Members</Link>
          </>
        ) : (
          <>
            <Link to={`${base}/annotate`} className="button primary">
              Start annotating
            </Link>
            <Link to={`${base}/my-work`}>My work</Link>
          </>
        )}
      </div>
    </li>
  );
}
