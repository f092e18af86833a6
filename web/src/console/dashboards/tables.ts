import type { Dashboards } from '../../../../core/api/dashboards.ts';
import { csvDocument } from '../../../../core/csv.ts';

/** A cell: a number, a text, or nothing (undefined coefficient, no gold). */
export type Cell = string | number | null;
/** How a column is shown: counts, a coefficient or rate with decimals, or text. */
export type ColumnFormat = 'text' | 'count' | 'coefficient' | 'rate';

/** A chart's table: what is shown under the chart and written by its CSV download. */
export interface DataTable {
  caption: string;
  fileName: string;
  columns: { label: string; format: ColumnFormat }[];
  rows: Cell[][];
}

/** The table as CSV (core/csv.ts): the column labels, then each row; an empty cell for nothing. */
export const tableCsv = (t: DataTable): string =>
  csvDocument([t.columns.map((c) => c.label), ...t.rows.map((r) => r.map((c) => c ?? ''))]);

/** A cell as the table shows it. */
export function formatCell(cell: Cell, format: ColumnFormat): string {
  if (cell === null) return '—';
  if (typeof cell === 'string') return cell;
  if (format === 'count') return cell.toLocaleString();
  if (format === 'coefficient') return cell.toFixed(3);
  if (format === 'rate') return cell.toFixed(2);
  return String(cell);
}

const col = (label: string, format: ColumnFormat) => ({ label, format });

/** Agreement over time: a row per day, the day's items, then each question's main coefficient. */
export function agreementTable(
  projectId: number,
  series: Dashboards['agreement'],
  labels: Readonly<Record<string, string>>,
): DataTable {
  const days = new Map<string, { items: number; values: Map<string, number | null> }>();
  for (const s of series)
    for (const p of s.points) {
      const day = days.get(p.day) ?? { items: p.items, values: new Map() };
      day.values.set(s.question, p.value);
      days.set(p.day, day);
    }
  return {
    caption: 'Agreement per day (items whose latest submission fell on the day)',
    fileName: `project-${projectId}-agreement-by-day.csv`,
    columns: [
      col('day', 'text'),
      col('items', 'count'),
      ...series.map((s) => col(`${labels[s.question] ?? s.question} (${s.coefficient})`, 'coefficient')),
    ],
    rows: [...days.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([day, d]) => [day, d.items, ...series.map((s) => d.values.get(s.question) ?? null)]),
  };
}

/** Gold accuracy against throughput: a row per annotator. */
export function throughputTable(projectId: number, annotators: Dashboards['annotators']): DataTable {
  return {
    caption: 'Gold accuracy and throughput per annotator',
    fileName: `project-${projectId}-gold-vs-throughput.csv`,
    columns: [
      col('annotator', 'text'),
      col('kind', 'text'),
      col('submitted', 'count'),
      col('active days', 'count'),
      col('per active day', 'rate'),
      col('hours (lead time)', 'rate'),
      col('per hour', 'rate'),
      col('gold answers', 'count'),
      col('gold accuracy', 'coefficient'),
      col('interval low', 'coefficient'),
      col('interval high', 'coefficient'),
    ],
    rows: annotators.map((a) => [
      a.annotator,
      a.kind,
      a.submitted,
      a.activeDays,
      a.perActiveDay,
      a.activeHours,
      a.perHour,
      a.gold.n,
      a.gold.accuracy,
      a.gold.n === 0 ? null : a.gold.interval.low,
      a.gold.n === 0 ? null : a.gold.interval.high,
    ]),
  };
}

/** One annotator's confusion matrix on one question: a row per reference label. */
export function confusionTable(
  projectId: number,
  matrix: Dashboards['confusion'][number],
  annotator: Dashboards['confusion'][number]['annotators'][number],
  questionLabel: string,
): DataTable {
  return {
    caption: `${questionLabel}: ${annotator.annotator} (rows: consensus or gold; columns: their answer)`,
    fileName: `project-${projectId}-confusion-${matrix.question}-${annotator.annotator.replace(/[^\w.@-]+/g, '_')}.csv`,
    columns: [col('reference', 'text'), ...matrix.labels.map((l) => col(l, 'count'))],
    rows: matrix.labels.map((label, i) => [label, ...(annotator.counts[i] ?? [])]),
  };
}

/** Review outcomes per day. */
export function reviewTable(projectId: number, days: Dashboards['review']): DataTable {
  return {
    caption: 'Review outcomes per day',
    fileName: `project-${projectId}-review-outcomes.csv`,
    columns: ['day', 'accepted', 'rejected', 'fixed', 'reworked'].map((l, i) =>
      col(l, i === 0 ? 'text' : 'count'),
    ),
    rows: days.map((d) => [d.day, d.accepted, d.rejected, d.fixed, d.reworked]),
  };
}

/** Submitted so far and remaining target slots at the end of each day. */
export function burndownTable(projectId: number, burndown: Dashboards['burndown']): DataTable {
  return {
    caption: `Progress per day (target ${burndown.target.toLocaleString()} slots)`,
    fileName: `project-${projectId}-burndown.csv`,
    columns: [col('day', 'text'), col('submitted', 'count'), col('remaining', 'count')],
    rows: burndown.days.map((d) => [d.day, d.submitted, d.remaining]),
  };
}
