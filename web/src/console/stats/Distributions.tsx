import type { Distribution } from '../../../../core/api/stats.ts';
import { typeNames } from '../builder/type-names.ts';
import { plural } from '../format.ts';

/** A small bar chart per question: each bar with its value and count as text, in a table. */
export function Distributions({ distributions }: { distributions: Distribution[] }) {
  return (
    <section className="card stack-tight wide" aria-labelledby="answers-title">
      <h2 id="answers-title">Answers</h2>
      {distributions.length === 0 ? (
        <p className="muted">The interface asks no questions.</p>
      ) : (
        <div className="distributions">
          {distributions.map((d) => (
            <QuestionBars key={d.question} d={d} />
          ))}
        </div>
      )}
    </section>
  );
}

function QuestionBars({ d }: { d: Distribution }) {
  const max = Math.max(1, ...d.buckets.map((b) => b.count));
  const total = d.buckets.reduce((sum, b) => sum + b.count, 0);
  const id = `dist-${d.question}`;
  return (
    <figure className="distribution" aria-labelledby={id}>
      <figcaption id={id}>
        <strong>{d.label ?? d.question}</strong>{' '}
        <span className="muted">
          ({typeNames[d.type] ?? d.type}, {plural(d.answered, 'answer')})
        </span>
      </figcaption>
      {d.buckets.length === 0 ? (
        <p className="muted">No answers yet.</p>
      ) : (
        <table className="bars">
          <thead className="visually-hidden">
            <tr>
              <th scope="col">{d.type === 'number' ? 'Range' : 'Value'}</th>
              <th scope="col">Share</th>
              <th scope="col">Count</th>
            </tr>
          </thead>
          <tbody>
            {d.buckets.map((b) => (
              <tr key={String(b.value)}>
                <th scope="row" className="bar-label" title={b.label}>
                  {b.label}
                </th>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${(b.count / max) * 100}%` }} aria-hidden="true" />
                  <span className="visually-hidden">
                    {total === 0 ? '0%' : `${Math.round((b.count / total) * 100)}%`}
                  </span>
                </td>
                <td className="num">{b.count.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
