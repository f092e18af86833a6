import type { z } from 'zod';
import type { Coefficients, MetricsReport } from '../../core/api/quality.ts';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson } from '../output.ts';

export const metrics = defineCommand({
  path: ['metrics'],
  summary: 'Show agreement per question and per annotator (a table; --json for the API report)',
  flags: {
    ...projectFlag,
    json: { type: 'boolean', help: 'print the report exactly as the API gives it (JSON)' },
    'include-models': { type: 'boolean', help: "count model judges' annotations too" },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const report = await client.call('projectMetrics', {
      params: { projectId: intFlag(values.project, 'project') },
      query: { includeModels: values['include-models'] ? 'true' : 'false' },
    });
    if (values.json) printJson(report);
    else process.stdout.write(metricsTables(report));
    return 0;
  },
});

type Report = z.output<typeof MetricsReport>;
type Row = [string, string];

const fixed = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : v.toFixed(3));

function coefficientRows(c: Partial<z.output<typeof Coefficients>>, prefix = ''): Row[] {
  const rows: Row[] = [];
  for (const [level, v] of Object.entries(c.krippendorffAlpha ?? {}))
    rows.push([`${prefix}alpha ${level}`, fixed(v)]);
  if (c.fleissKappa !== undefined) rows.push([`${prefix}Fleiss kappa`, fixed(c.fleissKappa)]);
  for (const p of c.cohenKappa ?? []) {
    const ks = (['unweighted', 'linear', 'quadratic'] as const)
      .filter((w) => p[w] !== undefined)
      .map((w) => `${w} ${fixed(p[w])}`);
    rows.push([`${prefix}Cohen ${p.annotators[0]} × ${p.annotators[1]} (n ${p.n})`, ks.join(', ')]);
  }
  return rows;
}

/** The report as one small table per question, then one for the annotators. */
export function metricsTables(report: Report): string {
  const out: string[] = [];
  for (const [name, q] of Object.entries(report.questions)) {
    const rows = coefficientRows(q);
    for (const [option, c] of Object.entries(q.options ?? {}))
      rows.push(...coefficientRows(c, `${option}: `));
    for (const [criterion, c] of Object.entries(q.criteria ?? {}))
      rows.push(...coefficientRows(c, `${criterion}: `));
    for (const s of q.steps ?? []) rows.push(...coefficientRows(s, `step ${s.step}: `));
    if (q.spanF1) {
      rows.push(['span F1 exact', fixed(q.spanF1.exact)], ['span F1 overlap', fixed(q.spanF1.overlap)]);
      for (const [label, f] of Object.entries(q.spanF1.labels))
        rows.push([`${label}: span F1`, `exact ${fixed(f.exact)}, overlap ${fixed(f.overlap)}`]);
    }
    if (q.kendallTau !== undefined) rows.push(['Kendall tau (mean)', fixed(q.kendallTau)]);
    if (q.kendallW !== undefined) rows.push(['Kendall W (mean)', fixed(q.kendallW)]);
    const units = q.units === undefined ? '' : `, ${q.units} units`;
    out.push(`${name} (${q.type}, ${q.n} answers${units})`);
    out.push(rows.length === 0 ? '  not measured: reviewed by people\n' : table(rows));
  }
  const annotators = Object.entries(report.annotators).map(([name, a]): string[] => [
    a.kind === 'model' ? `${name} (model)` : name,
    `${fixed(a.withOthers)} (${a.pairs} pairs)`,
    `${fixed(a.withConsensus)} (${a.consensusUnits} units)`,
  ]);
  out.push('annotators');
  out.push(
    annotators.length === 0 ? '  none\n' : table(annotators, ['ANNOTATOR', 'WITH OTHERS', 'WITH CONSENSUS']),
  );
  return out.join('\n');
}

function table(rows: string[][], head?: string[]): string {
  const all = head ? [head, ...rows] : rows;
  const widths = (all[0] ?? []).map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all
    .map(
      (r) =>
        `  ${r
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd()}\n`,
    )
    .join('');
}
