import { formatCoefficient, questionRows } from '../../../../core/quality/report-rows.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { useOnRequest } from './on-request.ts';

/**
 * Agreement per question and per annotator (docs/quality.md, Agreement): computed on request,
 * since it reads every submitted answer of the project; one small table per question.
 */
export function AgreementPanel({
  projectId,
  labels,
}: {
  projectId: number;
  /** Question labels by name. */
  labels: Readonly<Record<string, string>>;
}) {
  const {
    value: report,
    error,
    busy,
    compute,
  } = useOnRequest(() => call('projectMetrics', { params: { projectId } }));
  return (
    <section className="card stack-tight wide" aria-labelledby="agreement-title">
      <div className="section-head">
        <h2 id="agreement-title">Agreement</h2>
        <button type="button" onClick={compute} disabled={busy}>
          {busy ? 'Computing…' : report ? 'Recompute' : 'Compute agreement'}
        </button>
      </div>
      <ErrorAlert error={error} />
      {report && (
        <div className="stack-tight" data-testid="agreement">
          {Object.entries(report.questions).map(([name, q]) => {
            const rows = questionRows(q);
            return (
              <div key={name} className="table-wrap">
                <table className="annotator-table" data-question={name}>
                  <caption>
                    {labels[name] ?? name} ({q.n.toLocaleString()} answers
                    {q.units === undefined ? '' : `, ${q.units.toLocaleString()} units with two or more`})
                  </caption>
                  <tbody>
                    {rows.length === 0 ? (
                      <tr>
                        <td className="muted">Not measured: free text is reviewed by people.</td>
                      </tr>
                    ) : (
                      rows.map(([label, value]) => (
                        <tr key={label}>
                          <th scope="row">{label}</th>
                          <td className="num">{value}</td>
                        </tr>
                      ))
                    )}
                  </tbody>
                </table>
              </div>
            );
          })}
          <div className="table-wrap">
            <table className="annotator-table" data-testid="agreement-annotators">
              <caption>Annotators</caption>
              <thead>
                <tr>
                  <th scope="col">Annotator</th>
                  <th scope="col" className="num">
                    With the others
                  </th>
                  <th scope="col" className="num">
                    With the consensus
                  </th>
                </tr>
              </thead>
              <tbody>
                {Object.entries(report.annotators).map(([name, a]) => (
                  <tr key={name}>
                    <th scope="row">
                      <Name text={name} />
                      {a.kind === 'model' ? ' (model)' : ''}
                    </th>
                    <td className="num">
                      {formatCoefficient(a.withOthers)} ({a.pairs.toLocaleString()} pairs)
                    </td>
                    <td className="num">
                      {formatCoefficient(a.withConsensus)} ({a.consensusUnits.toLocaleString()} items)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
