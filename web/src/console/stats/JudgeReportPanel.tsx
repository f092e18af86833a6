import { useState } from 'react';
import type { JudgeReport } from '../../../../core/api/judge-report.ts';
import {
  type AccuracyFigure,
  formatAccuracy,
  formatCoefficient,
} from '../../../../core/quality/report-rows.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { useOnRequest } from './on-request.ts';

type Method = JudgeReport['method'];
type Row = JudgeReport['annotators'][number];
type Agreement = { agreed: number; units: number; rate: number | null } | undefined;
type Accuracy = AccuracyFigure | undefined;

const agreement = (a: Agreement) =>
  a && a.units > 0
    ? `${formatCoefficient(a.rate)} (${a.agreed.toLocaleString()}/${a.units.toLocaleString()})`
    : '—';

/**
 * The model judges against the people (docs/quality.md): every model judge and every person side
 * by side, with their agreement with the people's consensus (a person: with the others') and their
 * gold accuracy, overall and per question; computed on request, as it reads every answer.
 */
export function JudgeReportPanel({
  projectId,
  labels,
}: {
  projectId: number;
  /** Question labels by name. */
  labels: Readonly<Record<string, string>>;
}) {
  const [method, setMethod] = useState<Method>('majority');
  const {
    value: report,
    error,
    busy,
    compute,
  } = useOnRequest(() => call('judgeReport', { params: { projectId }, query: { method } }));
  const questions = report
    ? [
        ...new Set(
          report.annotators.flatMap((a) => [
            ...Object.keys(a.consensus.questions),
            ...Object.keys(a.gold.questions),
          ]),
        ),
      ]
    : [];
  const table = (caption: string, pick: (a: Row) => [Agreement, Accuracy], key: string) => (
    <div key={key} className="table-wrap">
      <table className="annotator-table" data-question={key}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Annotator</th>
            <th scope="col" className="num">
              With the people's consensus
            </th>
            <th scope="col" className="num">
              Gold accuracy
            </th>
          </tr>
        </thead>
        <tbody>
          {report?.annotators.map((a) => {
            const [c, g] = pick(a);
            return (
              <tr key={a.userId} data-kind={a.kind}>
                <th scope="row">
                  <Name text={a.annotator} />
                  {a.kind === 'model' ? ' (model)' : ''}
                </th>
                <td className="num">{agreement(c)}</td>
                <td className="num">{formatAccuracy(g)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  return (
    <section className="card stack-tight wide" aria-labelledby="judges-report-title">
      <div className="section-head">
        <h2 id="judges-report-title">Model judges against the people</h2>
        <label>
          Consensus{' '}
          <select value={method} onChange={(e) => setMethod(e.target.value as Method)}>
            <option value="majority">Majority</option>
            <option value="dawid-skene">Dawid–Skene</option>
          </select>
        </label>
        <button type="button" onClick={compute} disabled={busy}>
          {busy ? 'Computing…' : report ? 'Recompute' : 'Compare'}
        </button>
      </div>
      <ErrorAlert error={error} />
      {report && (
        <div className="stack-tight" data-testid="judges-report">
          <p className="muted">
            Each model judge is compared with the consensus of all the people who answered an item; each
            person with the consensus of the other people. Ties are left out. Model judges{' '}
            {report.judgeInConsensus ? 'count' : 'do not count'} in the consensus export (Settings).
          </p>
          {report.annotators.length === 0 ? (
            <p className="muted">No submitted answers yet.</p>
          ) : (
            <>
              {table('Overall', (a) => [a.consensus.overall, a.gold.overall], '')}
              {questions.map((q) =>
                table(labels[q] ?? q, (a) => [a.consensus.questions[q], a.gold.questions[q]], q),
              )}
              {questions.flatMap((q) =>
                [
                  ...new Set(
                    report.annotators.flatMap((a) => Object.keys(a.consensus.questions[q]?.parts ?? {})),
                  ),
                ].map((part) =>
                  table(
                    `${labels[q] ?? q}: ${part}`,
                    (a) => [a.consensus.questions[q]?.parts?.[part], undefined],
                    `${q}:${part}`,
                  ),
                ),
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
