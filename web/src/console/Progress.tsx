import type { Project } from '../../../core/api/projects.ts';

export const percent = (part: number, whole: number): number =>
  whole === 0 ? 0 : Math.floor((part / whole) * 100);

/** A bar with its value as an accessible name ("42% complete") and as visible text. */
export function ProgressBar({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress-row">
      <div
        className="progress"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-label={label}
      >
        <span style={{ width: `${value}%` }} />
      </div>
      <span className="progress-text" aria-hidden="true">
        {label}
      </span>
    </div>
  );
}

/** A project's progress: the bar, then the counts. */
export function ProjectProgress({ progress }: { progress: Project['progress'] }) {
  const stats: [string, number][] = [
    ['Items', progress.items],
    ['Complete', progress.complete],
    ['In progress', progress.inProgress],
    ['Skipped', progress.skipped],
  ];
  if (progress.awaiting > 0) stats.push(['Awaiting candidates', progress.awaiting]);
  return (
    <div className="stack-tight">
      <ProgressBar
        value={percent(progress.complete, progress.items)}
        label={`${percent(progress.complete, progress.items)}% complete`}
      />
      <dl className="stats">
        {stats.map(([name, n]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{n.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
