import type { SuggestionAcceptance } from '../../../../core/api/stats.ts';
import { Name } from '../../ui/Name.tsx';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

/**
 * How each agent's suggestions fared (docs/suggestions.md): per agent a total row, then a row per
 * question, with how many suggested answers were submitted unchanged or changed, and the rate.
 */
export function SuggestionTable({
  rows,
  labels,
}: {
  rows: readonly SuggestionAcceptance[];
  /** Question labels by name. */
  labels: Readonly<Record<string, string>>;
}) {
  if (rows.length === 0) return null;
  return (
    <section className="card stack-tight wide" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">Suggestions</h2>
      <p className="muted">
        Suggested answers in submitted work: accepted (submitted unchanged) or changed by the annotator.
      </p>
      <div className="table-wrap">
        <table className="annotator-table" data-testid="suggestion-table">
          <caption className="visually-hidden">
            Suggestions accepted and changed, per agent and question
          </caption>
          <thead>
            <tr>
              <th scope="col">Agent</th>
              <th scope="col">Question</th>
              <th scope="col" className="num">
                Shown
              </th>
              <th scope="col" className="num">
                Accepted
              </th>
              <th scope="col" className="num">
                Changed
              </th>
              <th scope="col" className="num">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={`${r.agent}\u0000${r.question ?? ''}`}
                className={r.question === null ? 'total-row' : undefined}
                data-agent={r.agent}
              >
                {r.question === null ? (
                  <th scope="row">
                    <Name text={r.agent} />
                  </th>
                ) : (
                  <td />
                )}
                <td>{r.question === null ? 'All questions' : (labels[r.question] ?? r.question)}</td>
                <td className="num">{r.shown.toLocaleString()}</td>
                <td className="num">{r.accepted.toLocaleString()}</td>
                <td className="num">{r.changed.toLocaleString()}</td>
                <td className="num">{percent(r.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
