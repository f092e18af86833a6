import { jobIsOpen } from '../../../core/api/jobs.ts';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { formatTime } from '../console/format.ts';
import { JOB_POLL_MS, JobProgress } from '../console/jobs/JobProgress.tsx';
import { jobKindText } from '../console/jobs/job-text.ts';
import { PageHead } from '../console/PageHead.tsx';
import { usePolling } from '../console/usePolling.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';
import '../console/jobs/jobs.css';

/** One job: its progress and Cancel (JobProgress), the counts per step status, the failed steps. */
export function JobDetailPage({ jobId }: { jobId: number }) {
  useTitle(`Job ${jobId}`);
  const polled = usePolling(
    (signal) => call('getJob', { params: { jobId }, signal }),
    String(jobId),
    JOB_POLL_MS,
    { until: (job) => !jobIsOpen(job.status) },
  );
  const job = polled.data;
  return (
    <div className="stack">
      <p>
        <Link to="/jobs">← All jobs</Link>
      </p>
      <PageHead title={job ? `${jobKindText(job.kind)} #${job.id}` : `Job ${jobId}`} />
      {!job && <ErrorAlert error={polled.error} />}
      <JobProgress jobId={jobId} onEnded={() => polled.refresh()} />
      {job && (
        <>
          <dl className="stats">
            {(
              [
                ['Done', job.steps.done],
                ['Failed', job.steps.failed],
                ['Running', job.steps.running],
                ['Waiting', job.steps.pending],
                ['Cancelled', job.steps.cancelled],
              ] as const
            ).map(([name, n]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{n.toLocaleString()}</dd>
              </div>
            ))}
          </dl>
          <dl className="stats">
            <div>
              <dt>Project</dt>
              <dd>
                {job.projectId === null ? (
                  '—'
                ) : (
                  <Link to={`/projects/${job.projectId}`}>#{job.projectId}</Link>
                )}
              </dd>
            </div>
            <div>
              <dt>Created</dt>
              <dd>{formatTime(job.createdAt)}</dd>
            </div>
            <div>
              <dt>Started</dt>
              <dd>{formatTime(job.startedAt)}</dd>
            </div>
            <div>
              <dt>Ended</dt>
              <dd>{formatTime(job.finishedAt)}</dd>
            </div>
          </dl>
          {job.failures.length > 0 && (
            <section className="stack-tight">
              <h2>
                Failed steps
                {job.failedSteps > job.failures.length &&
                  ` (the first ${job.failures.length} of ${job.failedSteps})`}
              </h2>
              <div className="table-wrap">
                <table className="job-failures">
                  <thead>
                    <tr>
                      <th scope="col">Step</th>
                      <th scope="col">Error</th>
                      <th scope="col">Attempts</th>
                      <th scope="col">When</th>
                    </tr>
                  </thead>
                  <tbody>
                    {job.failures.map((f) => (
                      <tr key={f.key}>
                        <td>
                          <code>{f.key}</code>
                        </td>
                        <td>{f.error}</td>
                        <td>{f.attempts}</td>
                        <td>{formatTime(f.at)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
