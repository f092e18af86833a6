import { useEffect, useState } from 'react';
import { type JobDetail, jobIsOpen } from '../../../../core/api/jobs.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { usePolling } from '../usePolling.ts';
import { JobBar } from './JobBar.tsx';
import { jobStatusText } from './job-text.ts';
import '../console.css';
import './jobs.css';

/** How often an open job is read: its progress reaches the page within a second. */
export const JOB_POLL_MS = 500;

/**
 * A background job's progress, for any panel that starts one (generation, the model judge) and
 * the Jobs page: a bar over the settled steps, done/total, failures and the job's error, and a
 * Cancel button (with a confirmation) while it runs. Reads the job every 500 ms while it is open
 * and stops once it ended; `onEnded` hears of the end once.
 */
export function JobProgress({ jobId, onEnded }: { jobId: number; onEnded?: (job: JobDetail) => void }) {
  const [endedSeen, setEndedSeen] = useState<number | null>(null);
  const polled = usePolling(
    (signal) => call('getJob', { params: { jobId }, signal }),
    String(jobId),
    JOB_POLL_MS,
    { until: (job) => !jobIsOpen(job.status) },
  );
  const [asking, setAsking] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const job = polled.data;
  const ended = job && !jobIsOpen(job.status) ? job : undefined;
  // Told once, after the render that shows the end (a parent may change its own state then).
  useEffect(() => {
    if (!ended || endedSeen === ended.id) return;
    setEndedSeen(ended.id);
    onEnded?.(ended);
  }, [ended, endedSeen, onEnded]);
  if (!job)
    return polled.error ? <ErrorAlert error={polled.error} /> : <p className="muted">Loading the job…</p>;
  const settled = job.doneSteps + job.failedSteps;
  const cancel = async () => {
    setCancelling(true);
    setError(null);
    try {
      await call('cancelJob', { params: { jobId } });
    } catch (err) {
      setError(err);
    } finally {
      setCancelling(false);
      setAsking(false);
      polled.refresh();
    }
  };
  return (
    <div className="job-progress stack-tight">
      <JobBar job={job} />
      <p className="job-counts" aria-live="polite">
        <strong>{jobStatusText(job.status)}</strong> · {job.doneSteps.toLocaleString()} /{' '}
        {job.totalSteps.toLocaleString()} done
        {job.failedSteps > 0 && <> · {job.failedSteps.toLocaleString()} failed</>}
        {jobIsOpen(job.status) && settled < job.totalSteps && job.steps.running > 0 && (
          <> · {job.steps.running.toLocaleString()} running</>
        )}
      </p>
      {job.error && (
        <p className="job-error" role="alert">
          {job.error}
        </p>
      )}
      <ErrorAlert error={error ?? polled.error} />
      {jobIsOpen(job.status) &&
        (asking ? (
          // biome-ignore lint/a11y/noStaticElementInteractions: Escape in the question keeps the job running; its buttons are the controls
          <div
            className="row job-confirm"
            onKeyDown={(e) => {
              if (e.key === 'Escape') setAsking(false);
            }}
          >
            <p>Cancel this job? Steps not yet done will not run.</p>
            <button type="button" className="danger" disabled={cancelling} onClick={() => void cancel()}>
              {cancelling ? 'Cancelling…' : 'Yes, cancel the job'}
            </button>
            <button type="button" disabled={cancelling} onClick={() => setAsking(false)}>
              Keep it running
            </button>
          </div>
        ) : (
          <div className="row">
            <button type="button" onClick={() => setAsking(true)}>
              Cancel job
            </button>
          </div>
        ))}
    </div>
  );
}
