import type { ShownCandidate } from '../candidates.ts';
import { orderOf, rowsFrom } from './order.ts';

/** A ranking answer, read-only: its places best first, each candidate by letter and id. */
export function RankingView(props: { value: unknown; candidates: readonly ShownCandidate[] }) {
  const { rows, ranked } = rowsFrom(
    props.value,
    props.candidates.map((c) => c.id),
    true,
  );
  if (!ranked) return <p className="answer-readonly">—</p>;
  const byId = new Map(props.candidates.map((c) => [c.id, c]));
  const placed = new Set(
    Array.isArray((props.value as { order?: unknown })?.order)
      ? (props.value as { order: unknown[] }).order.flat()
      : [],
  );
  const name = (id: string) => `Response ${byId.get(id)?.letter ?? '?'} (id "${id}")`;
  return (
    <ol className="ranking-answer">
      {orderOf(rows.filter((r) => placed.has(r.id))).map((tier) => (
        <li key={tier.join(' ')}>
          {tier.map(name).join(' = ')}
          {tier.length > 1 && <span className="muted"> (tied)</span>}
        </li>
      ))}
    </ol>
  );
}
