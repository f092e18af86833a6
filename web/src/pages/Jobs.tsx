import { type Job, jobStatuses } from '../../../core/api/jobs.ts';
import { call } from '../api/client.ts';
import { Link, navigate, useLocation, useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { formatTime } from '../console/format.ts';
import { JobBar } from '../console/jobs/JobBar.tsx';
import { jobKindText, jobStatusText } from '../console/jobs/job-text.ts';
import { PageHead } from '../console/PageHead.tsx';
import { Pager } from '../console/Pager.tsx';
import { useCursorPages } from '../console/useCursorPages.ts';
import { usePolling } from '../console/usePolling.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';
import '../console/jobs/jobs.css';

/** The list is read every second while shown, so running jobs' bars move (a cheap read). */
const LIST_POLL_MS = 1000;

/**
 * Background jobs (admins: all; managers: their projects'), newest first, each with its progress;
 * a job's own page has its counts, failed steps and Cancel.
 */
export function Jobs() {
  useTitle('Jobs');
  const user = useUser();
  const status = useLocation().query.get('status') ?? '';
  const pages = useCursorPages();
  const list = usePolling(
    (signal) =>
      call('listJobs', {
        query: {
          limit: 50,
          ...(pages.cursor ? { cursor: pages.cursor } : {}),
          ...(status ? { status: status as Job['status'] } : {}),
        },
        signal,
      }),
    `${status}\n${pages.cursor ?? ''}`,
    LIST_POLL_MS,
  );
  const jobs = list.data?.items ?? [];
  const choose = (next: string) => {
    pages.reset();
    navigate(next ? `/jobs?status=${next}` : '/jobs', { replace: true });
  };
  return (
    <div className="stack">
      <PageHead title="Jobs" />
      <p className="muted">
        {user.role === 'admin'
          ? 'Every background job of the server.'
          : 'Background jobs of the projects you manage.'}{' '}
        Progress updates by itself.
      </p>
      <label className="row">
        Status{' '}
        <select value={status} onChange={(e) => choose(e.target.value)}>
          <option value="">Any</option>
          {jobStatuses.map((s) => (
            <option key={s} value={s}>
              {jobStatusText(s)}
            </option>
          ))}
        </select>
      </label>
      <ErrorAlert error={list.error} />
      {list.data && jobs.length === 0 && <p className="muted">No jobs{status ? ' in this status' : ''}.</p>}
      {jobs.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Jobs</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Project</th>
                <th scope="col">Progress</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <JobRow key={job.id} job={job} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Job pages"
        page={pages.page}
        nextCursor={list.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </div>
  );
}

function JobRow({ job }: { job: Job }) {
  return (
    <tr>
      <td>
        <Link to={`/jobs/${job.id}`}>
          {jobKindText(job.kind)} #{job.id}
        </Link>
      </td>
      <td>
        {job.projectId === null ? '—' : <Link to={`/projects/${job.projectId}`}>#{job.projectId}</Link>}
      </td>
      <td>
        <JobBar job={job} text={`${job.doneSteps + job.failedSteps}/${job.totalSteps}`} />
      </td>
      <td>
        {jobStatusText(job.status)}
        {job.failedSteps > 0 && <> ({job.failedSteps} failed)</>}
      </td>
      <td>{formatTime(job.startedAt)}</td>
    </tr>
  );
}
