import { useTitle } from '../app/router.tsx';
import { WorklogTable } from '../console/worklog/WorklogTable.tsx';
import '../console/console.css';

/** The Work log page (admins and managers; docs/worklog.md): work and pay per person and day. */
export function Worklog() {
  useTitle('Work log');
  return (
    <div className="stack">
      <WorklogTable headingLevel={1} />
    </div>
  );
}
