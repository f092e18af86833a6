import type { Job } from '../../../../core/api/jobs.ts';
import { jobSummary } from './job-text.ts';
import './jobs.css';

/** A job's progress bar with its figure beside it (`text`: what the figure says; default the percentage). */
export function JobBar({ job, text }: { job: Job; text?: string }) {
  const pct = Math.floor(job.progress * 100);
  return (
    <div className="progress-row">
      <div
        className={`progress job-bar job-${job.status}`}
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%: ${jobSummary(job)}`}
        aria-label={`Job ${job.id} progress`}
      >
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">
        {text ?? `${pct}%`}
      </span>
    </div>
  );
}
