import { useRef } from 'react';
import type { Project } from '../../../../core/api/projects.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { ago } from '../../ui/ago.ts';
import { GuidelinesText } from '../../work/GuidelinesText.tsx';
import { typeNames } from '../builder/type-names.ts';
import { formatSeconds, formatTime } from '../format.ts';
import { ProjectProgress } from '../Progress.tsx';
import { SkillCoveragePanel } from '../skills/SkillCoveragePanel.tsx';
import { AgreementPanel } from '../stats/AgreementPanel.tsx';
import { AnnotatorTable } from '../stats/AnnotatorTable.tsx';
import { Burndown } from '../stats/Burndown.tsx';
import { Distributions } from '../stats/Distributions.tsx';
import { JudgeReportPanel } from '../stats/JudgeReportPanel.tsx';
import { SuggestionTable } from '../stats/SuggestionTable.tsx';
import { useNow, usePolling } from '../usePolling.ts';
import '../stats/stats.css';

/**
 * Progress (refreshed by itself while the page is visible), then for managers and reviewers the
 * work per annotator, the answers per question and the burndown; the settings in words, the
 * interface at a glance and the guidelines.
 */
export function OverviewTab({
  project: initial,
  viewAll,
  manage = false,
}: {
  project: Project;
  viewAll: boolean;
  /** The caller manages the project: the skills' coverage is shown. */
  manage?: boolean;
}) {
  const projectId = initial.id;
  // The project page has just loaded the project: the first round takes it as it is.
  const loaded = useRef<Project | null>(initial);
  const polled = usePolling(async (signal) => {
    const fresh = loaded.current;
    loaded.current = null;
    const [project, stats] = await Promise.all([
      fresh ?? call('getProject', { params: { projectId }, signal }),
      viewAll ? call('projectStats', { params: { projectId }, signal }) : null,
    ]);
    return { project: project!, stats };
  }, `${projectId}:${viewAll}`);
  const p = polled.data?.project ?? initial;
  const stats = polled.data?.stats;
  const settings: [string, string][] = [
    ['Annotators per item', String(p.overlap)],
    ['Lock time', formatSeconds(p.lockTtlSeconds)],
    ['Item order', p.itemOrder === 'random' ? 'Random' : 'Sequential (priority, then import order)'],
    ['Editing submitted work', p.allowEditSubmitted ? 'Allowed' : 'Not allowed'],
    ['Suggestions', suggestionsInWords(p.suggestions)],
    ['Created', formatTime(p.createdAt)],
  ];
  return (
    <div className="overview">
      <section className="card stack-tight" aria-labelledby="progress-title">
        <div className="section-head">
          <h2 id="progress-title">Progress</h2>
          <Freshness updatedAt={polled.updatedAt} onRefresh={polled.refresh} />
        </div>
        {polled.error !== null && polled.data !== undefined && (
          <p className="muted">Could not refresh; showing the numbers from before.</p>
        )}
        {polled.data === undefined && <ErrorAlert error={polled.error} />}
        <ProjectProgress progress={p.progress} />
        <p className="muted">{p.progress.submitted.toLocaleString()} submitted annotations.</p>
        {p.progress.stranded > 0 && (
          <p className="alert alert-warn" data-testid="stranded">
            {p.progress.stranded === 1
              ? '1 item cannot complete with the current members'
              : `${p.progress.stranded.toLocaleString()} items cannot complete with the current members`}{' '}
            (too many skips, or fewer annotators than {p.overlap}). Filter the items by "Cannot complete with
            the current members" to see them; return a skip from an item's page, or add annotators.
          </p>
        )}
        {p.progress.waitingForSkills > 0 && (
          <p className="alert alert-warn" data-testid="waiting-for-skills">
            {p.progress.waitingForSkills === 1
              ? '1 item waits for a qualified tutor'
              : `${p.progress.waitingForSkills.toLocaleString()} items wait for a qualified tutor`}
            : no current member holds the skills it asks for and can still take it. See Skills below.
          </p>
        )}
      </section>
      {manage && (
        <SkillCoveragePanel
          projectId={projectId}
          refreshKey={`${p.progress.waitingForSkills}:${Object.keys(p.requiredSkills).join(',')}`}
        />
      )}
      {stats && (
        <>
          <Burndown points={stats.burndown} />
          <AnnotatorTable projectId={projectId} rows={stats.annotators} />
          <Distributions distributions={stats.distributions} />
          <AgreementPanel
            projectId={projectId}
            labels={Object.fromEntries(p.interface.questions.map((q) => [q.name, q.label ?? q.name]))}
          />
          <JudgeReportPanel
            projectId={projectId}
            labels={Object.fromEntries(p.interface.questions.map((q) => [q.name, q.label ?? q.name]))}
          />
          <SuggestionTable
            rows={stats.suggestions}
            labels={Object.fromEntries(p.interface.questions.map((q) => [q.name, q.label ?? q.name]))}
          />
        </>
      )}
      {viewAll && !stats && !polled.error && <p className="loading">Loading statistics…</p>}
      <section className="card stack-tight" aria-labelledby="settings-summary">
        <h2 id="settings-summary">Settings</h2>
        <dl className="pairs">
          {settings.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section className="card stack-tight" aria-labelledby="interface-summary">
        <h2 id="interface-summary">Interface</h2>
        <p>
          Fields:{' '}
          {p.interface.fields.map((f) => `${f.name} (${f.type === 'text' ? f.format : f.type})`).join(', ') ||
            'none'}
        </p>
        <ul>
          {p.interface.questions.map((q) => (
            <li key={q.name}>
              <strong>{q.label ?? q.name}</strong> — {typeNames[q.type] ?? q.type}
              {q.required ? ', required' : ''}
            </li>
          ))}
        </ul>
      </section>
      <section className="card guidelines" aria-labelledby="guidelines-title">
        <h2 id="guidelines-title">Guidelines</h2>
        <GuidelinesText source={p.guidelines} empty="No guidelines yet." />
      </section>
    </div>
  );
}

/** "Updated 10 s ago", and a button to refresh now. */
function Freshness({ updatedAt, onRefresh }: { updatedAt: number | null; onRefresh(): void }) {
  const now = useNow();
  return (
    <div className="refresh-line">
      <span className="muted" data-testid="updated-ago">
        {updatedAt === null ? 'Updating…' : `Updated ${ago(updatedAt, now, { seconds: true })}`}
      </span>
      <button type="button" onClick={onRefresh}>
        Refresh
      </button>
    </div>
  );
}

/** The suggestions setting in words (an annotator's copy carries no agent name). */
function suggestionsInWords(s: Project['suggestions']): string {
  if (s.mode === 'off') return 'Off';
  if (s.mode === 'best') return 'The best-scored prediction of each item';
  return s.agent === null ? "One agent's predictions" : `The predictions of ${isolatedName(s.agent)}`;
}
