import type { z } from 'zod';
import type { MetricsReport } from '../../core/api/quality.ts';
import { formatCoefficient, questionRows } from '../../core/quality/report-rows.ts';
import { createClient } from '../client.ts';
import { defineCommand, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson, table } from '../output.ts';

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

/** The report as one small table per question, then one for the annotators. */
export function metricsTables(report: Report): string {
  const out: string[] = [];
  for (const [name, q] of Object.entries(report.questions)) {
    const rows = questionRows(q);
    const units = q.units === undefined ? '' : `, ${q.units} units`;
    out.push(`${name} (${q.type}, ${q.n} answers${units})`);
    out.push(rows.length === 0 ? '  not measured: reviewed by people\n' : table(rows, undefined, '  '));
  }
  const annotators = Object.entries(report.annotators).map(([name, a]): string[] => [
    a.kind === 'model' ? `${name} (model)` : name,
    `${formatCoefficient(a.withOthers)} (${a.pairs} pairs)`,
    `${formatCoefficient(a.withConsensus)} (${a.consensusUnits} units)`,
  ]);
  out.push('annotators');
  out.push(
    annotators.length === 0
      ? '  none\n'
      : table(annotators, ['ANNOTATOR', 'WITH OTHERS', 'WITH CONSENSUS'], '  '),
  );
  return out.join('\n');
}
