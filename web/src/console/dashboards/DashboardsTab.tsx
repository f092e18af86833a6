import { useState } from 'react';
import type { Dashboards } from '../../../../core/api/dashboards.ts';
import type { Project } from '../../../../core/api/projects.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { useLoad } from '../useLoad.ts';
import { Chart, type ChartProps, daySeconds, PALETTE } from './Chart.tsx';
import { ConfusionPanel } from './ConfusionPanel.tsx';
import { TableView } from './TableView.tsx';
import { agreementTable, burndownTable, type DataTable, reviewTable, throughputTable } from './tables.ts';
import './dashboards.css';
import '../stats/stats.css';

/**
 * The project's quality dashboards (docs/quality.md, Dashboards): each chart with its table and a
 * CSV of it. Only aggregates come from the server; the charts load their library on first use.
 */
export function DashboardsTab({ project }: { project: Project }) {
  const [includeModels, setIncludeModels] = useState(false);
  const loaded = useLoad(
    (signal) =>
      call('projectDashboards', {
        params: { projectId: project.id },
        query: { includeModels: includeModels ? 'true' : 'false' },
        signal,
      }),
    `${project.id}:${includeModels}`,
  );
  const labels = Object.fromEntries(project.interface.questions.map((q) => [q.name, q.label ?? q.name]));
  const d = loaded.data;
  return (
    <div className="dashboards stack">
      <div className="refresh-line">
        <label className="check">
          <input
            type="checkbox"
            checked={includeModels}
            onChange={(e) => setIncludeModels(e.target.checked)}
          />
          Include model judges (left out by default)
        </label>
        <button type="button" onClick={loaded.reload} disabled={loaded.loading}>
          {loaded.loading ? 'Loading…' : 'Refresh'}
        </button>
      </div>
      <ErrorAlert error={loaded.error} />
      {d && <Panels projectId={project.id} d={d} labels={labels} />}
    </div>
  );
}

function Panels({
  projectId,
  d,
  labels,
}: {
  projectId: number;
  d: Dashboards;
  labels: Record<string, string>;
}) {
  const agreement = agreementTable(projectId, d.agreement, labels);
  const scatter = [...d.annotators]
    .filter((a) => a.perActiveDay !== null)
    .sort((a, b) => a.perActiveDay! - b.perActiveDay!);
  const days = (rows: { day: string }[]) => rows.map((r) => daySeconds(r.day));
  return (
    <>
      <Panel id="agreement" title="Agreement over time" table={agreement} empty="No submitted answers yet.">
        {{
          x: agreement.rows.map((r) => daySeconds(r[0] as string)),
          series: d.agreement.map((s, k) => ({
            label: labels[s.question] ?? s.question,
            values: agreement.rows.map((r) => r[k + 2] as number | null),
            color: PALETTE[k % PALETTE.length]!,
          })),
          time: true,
          xLabel: 'day (UTC)',
          yLabel: 'agreement',
          yRange: [-1, 1],
          description: 'Each question’s main agreement coefficient per day; the table below has the values.',
        }}
      </Panel>
      <Panel
        id="scatter"
        title="Gold accuracy against throughput"
        table={throughputTable(projectId, d.annotators)}
        empty="Nobody has submitted yet."
      >
        {{
          x: scatter.map((a) => a.perActiveDay!),
          series: [
            {
              label: 'gold accuracy',
              values: scatter.map((a) => a.gold.accuracy),
              color: PALETTE[0]!,
              pointsOnly: true,
            },
          ],
          time: false,
          xLabel: 'submissions per active day',
          yLabel: 'gold accuracy',
          yRange: [0, 1],
          description: 'One point per annotator: submissions per active day against gold accuracy.',
        }}
      </Panel>
      <ConfusionPanel projectId={projectId} matrices={d.confusion} labels={labels} />
      <Panel
        id="review"
        title="Review outcomes"
        table={reviewTable(projectId, d.review)}
        empty="No review decisions yet."
      >
        {{
          x: days(d.review),
          series: (['accepted', 'rejected', 'fixed', 'reworked'] as const).map((k, i) => ({
            label: k,
            values: d.review.map((r) => r[k]),
            color: PALETTE[i]!,
          })),
          time: true,
          xLabel: 'day (UTC)',
          yLabel: 'annotations',
          description: 'Accepted, rejected, fixed and reworked annotations per day.',
        }}
      </Panel>
      <Panel
        id="burndown"
        title="Progress burndown"
        table={burndownTable(projectId, d.burndown)}
        empty="Nothing submitted yet."
      >
        {{
          x: days(d.burndown.days),
          series: [
            { label: 'submitted', values: d.burndown.days.map((b) => b.submitted), color: PALETTE[2]! },
            { label: 'remaining', values: d.burndown.days.map((b) => b.remaining), color: PALETTE[1]! },
          ],
          time: true,
          xLabel: 'day (UTC)',
          yLabel: 'slots',
          description: 'Submissions so far and target slots remaining at the end of each day.',
        }}
      </Panel>
    </>
  );
}

/** A chart, its table and the table's CSV; a sentence instead when there is nothing to draw. */
function Panel(props: { id: string; title: string; table: DataTable; empty: string; children: ChartProps }) {
  const chart = props.children;
  return (
    <section
      className="card stack-tight wide"
      aria-labelledby={`${props.id}-title`}
      data-testid={`panel-${props.id}`}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.table.rows.length === 0 ? (
        <p className="muted">{props.empty}</p>
      ) : (
        <>
          {chart.x.length > 0 && <Chart {...chart} />}
          <TableView table={props.table} testId={`${props.id}-table`} />
        </>
      )}
    </section>
  );
}
