import type { BurndownPoint } from '../../../../core/api/stats.ts';
import { formatTime } from '../format.ts';

const W = 600;
const H = 180;
const PAD = { left: 8, right: 8, top: 10, bottom: 10 };

/**
 * Remaining work over time as a step line (plain SVG), its first and last points in words, and
 * every point in a table below it for screen readers and exact numbers.
 */
export function Burndown({ points }: { points: BurndownPoint[] }) {
  return (
    <section className="card stack-tight" aria-labelledby="burndown-title">
      <h2 id="burndown-title">Remaining work</h2>
      {points.length === 0 ? (
        <p className="muted">Nothing submitted yet: the burndown starts with the first submission.</p>
      ) : (
        <Chart points={points} />
      )}
    </section>
  );
}

function Chart({ points }: { points: BurndownPoint[] }) {
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const t0 = Date.parse(first.at);
  const t1 = Math.max(Date.parse(last.at), t0 + 1);
  const top = Math.max(1, ...points.map((p) => p.remaining));
  const x = (at: string) => PAD.left + ((Date.parse(at) - t0) / (t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (n: number) => PAD.top + (1 - n / top) * (H - PAD.top - PAD.bottom);
  // A step line: remaining work holds until the next point, then drops.
  const path = points
    .map((p, i) => (i === 0 ? `M${x(p.at)},${y(p.remaining)}` : `H${x(p.at)}V${y(p.remaining)}`))
    .join('');
  const summary = `Remaining work: ${first.remaining.toLocaleString()} on ${formatTime(first.at)}, ${last.remaining.toLocaleString()} on ${formatTime(last.at)}.`;
  return (
    <>
      <p>{summary}</p>
      <svg
        className="burndown"
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        preserveAspectRatio="none"
      >
        <line className="axis" x1={PAD.left} y1={y(0)} x2={W - PAD.right} y2={y(0)} />
        <path className="line" d={path} />
      </svg>
      <div className="burndown-axis muted" aria-hidden="true">
        <span>{formatTime(first.at)}</span>
        <span>{formatTime(last.at)}</span>
      </div>
      <details>
        <summary>Every point</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col" className="num">
                Remaining
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              // Points are in time order and never reordered: the index is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={i}>
                <td>{formatTime(p.at)}</td>
                <td className="num">{p.remaining.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
