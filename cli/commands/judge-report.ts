import type { z } from 'zod';
import type { JudgeReport } from '../../core/api/judge-report.ts';
import { type AccuracyFigure, formatAccuracy, formatCoefficient } from '../../core/quality/report-rows.ts';
import { createClient } from '../client.ts';
import { defineCommand, enumFlag, intFlag } from '../command.ts';
import { httpConfig, httpFlags, projectFlag } from '../config.ts';
import { printJson, table } from '../output.ts';

const METHODS = ['majority', 'dawid-skene'] as const;

export const judgeReport = defineCommand({
  path: ['judge', 'report'],
  summary:
    "Compare each model judge with the people: agreement with the people's consensus and gold accuracy, side by side",
  flags: {
    ...projectFlag,
    method: {
      type: 'string',
      value: 'METHOD',
      help: "the people's consensus: majority (default) or dawid-skene",
    },
    json: { type: 'boolean', help: 'print the report exactly as the API gives it (JSON)' },
    ...httpFlags,
  },
  async run({ values }) {
    const client = createClient(httpConfig(values));
    const report = await client.call('judgeReport', {
      params: { projectId: intFlag(values.project, 'project') },
      query: { method: enumFlag(values.method, 'method', METHODS) ?? 'majority' },
    });
    if (values.json) printJson(report);
    else process.stdout.write(judgeTables(report));
    return 0;
  },
});

type Report = z.output<typeof JudgeReport>;
type Agreement = { agreed: number; units: number; rate: number | null };

const HEAD = ['ANNOTATOR', 'KIND', 'WITH CONSENSUS', 'GOLD'];
const vs = (a: Agreement | undefined) => (a ? `${formatCoefficient(a.rate)} (${a.agreed}/${a.units})` : '—');

/** One table overall, then one per question (and per option, criterion or step) with any figure. */
export function judgeTables(report: Report): string {
  const out = [
    `people's consensus: ${report.method}; judges in the consensus export: ${report.judgeInConsensus ? 'yes' : 'no'}; gold items: ${report.goldItems}`,
  ];
  const rows = (
    pick: (a: Report['annotators'][number]) => [Agreement | undefined, AccuracyFigure | undefined],
  ) =>
    report.annotators.map((a) => {
      const [c, g] = pick(a);
      return [a.annotator, a.kind, vs(c), formatAccuracy(g)];
    });
  out.push('overall');
  out.push(
    report.annotators.length === 0
      ? '  none\n'
      : table(
          rows((a) => [a.consensus.overall, a.gold.overall]),
          HEAD,
          '  ',
        ),
  );
  const questions = new Set(
    report.annotators.flatMap((a) => [
      ...Object.keys(a.consensus.questions),
      ...Object.keys(a.gold.questions),
    ]),
  );
  for (const q of questions) {
    out.push(q);
    out.push(
      table(
        rows((a) => [a.consensus.questions[q], a.gold.questions[q]]),
        HEAD,
        '  ',
      ),
    );
    const parts = new Set(
      report.annotators.flatMap((a) => Object.keys(a.consensus.questions[q]?.parts ?? {})),
    );
    for (const part of parts) {
      out.push(`${q}: ${part}`);
      out.push(
        table(
          rows((a) => [a.consensus.questions[q]?.parts?.[part], undefined]),
          HEAD,
          '  ',
        ),
      );
    }
  }
  return out.join('\n');
}
