import { useState } from 'react';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { accuracyText, percent as pct } from './gold-text.ts';

/**
 * Gold accuracy per annotator with its Wilson interval, the annotators the quality bar paused
 * (with Lift for the project's managers), and how many free-text answers await a mark
 * (docs/quality.md). Hidden while the project has no gold items.
 */
export function GoldPanel({ projectId, manage }: { projectId: number; manage: boolean }) {
  const loaded = useLoad(
    async (signal) => call('goldReport', { params: { projectId }, query: {}, signal }),
    `gold${projectId}`,
  );
  const [error, setError] = useState<unknown>(null);
  const report = loaded.data;
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!report || (report.goldItems === 0 && report.annotators.length === 0)) return null;
  const lift = async (userId: number) => {
    setError(null);
    try {
      await call('liftGoldPause', { params: { projectId, userId } });
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  const paused = report.annotators.filter((a) => a.paused !== null);
  return (
    <section className="card stack-tight wide" aria-labelledby="gold-title">
      <h2 id="gold-title">Gold</h2>
      <p className="muted">
        {report.goldItems.toLocaleString()} gold items
        {report.awaitingMarks.length > 0
          ? `; ${report.awaitingMarks.length} free-text answers await a mark`
          : ''}
        .
      </p>
      <ErrorAlert error={error} />
      {paused.length > 0 && (
        <ul className="stack-tight" data-testid="gold-paused">
          {paused.map((a) => (
            <li key={a.userId} className="alert alert-warn">
              <Name text={a.annotator} /> is paused: {a.paused!.rule} (accuracy {pct(a.paused!.accuracy)},
              since {formatTime(a.paused!.pausedAt)}).{' '}
              {manage && (
                <button type="button" onClick={() => lift(a.userId)}>
                  Lift
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {report.annotators.length === 0 ? (
        <p className="muted">No gold answers submitted yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Annotator</th>
                <th scope="col" className="num">
                  Gold items
                </th>
                <th scope="col">Accuracy (95 % interval)</th>
                <th scope="col">Per question</th>
              </tr>
            </thead>
            <tbody>
              {report.annotators.map((a) => (
                <tr key={a.userId}>
                  <td>
                    <Name text={a.annotator} />
                  </td>
                  <td className="num">{a.items}</td>
                  <td>{accuracyText(a.overall)}</td>
                  <td>
                    {Object.entries(a.questions)
                      .map(([q, acc]) => `${q}: ${accuracyText(acc)}`)
                      .join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
