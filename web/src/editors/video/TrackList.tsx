import type { TrackAnswer } from './track-ops.ts';
import { presence, presentFrames } from './track-ops.ts';

/** The runs as people read them: 0–9, 20–49. */
const runsText = (runs: readonly { from: number; to: number }[]) =>
  runs.map((r) => (r.to - r.from === 1 ? `${r.from}` : `${r.from}–${r.to - 1}`)).join(', ');

/** A tracks answer as a table: each track's id, label, keyframes and the frames it is present in. */
export function TrackList(props: {
  name: string;
  tracks: readonly TrackAnswer[];
  labels: readonly string[];
  count: number | null;
  selected: string | undefined;
  readOnly: boolean;
  onSelect: (id: string) => void;
  onLabel: (id: string, label: string) => void;
  onRemove: (id: string) => void;
}) {
  if (props.tracks.length === 0)
    return <p className="muted small">No tracks yet: drag on the picture to draw a box, or press N.</p>;
  return (
    <table className="video-tracks">
      <caption className="visually-hidden">{props.name}: tracks</caption>
      <thead>
        <tr>
          <th scope="col">Track</th>
          <th scope="col">Label</th>
          <th scope="col">Keyframes</th>
          <th scope="col">Frames present</th>
          {!props.readOnly && (
            <th scope="col">
              <span className="visually-hidden">Remove</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {props.tracks.map((t) => {
          const runs = presence(t, props.count);
          return (
            <tr key={t.id} className={t.id === props.selected ? 'selected' : undefined}>
              <td>
                <button
                  type="button"
                  aria-pressed={t.id === props.selected}
                  onClick={() => props.onSelect(t.id)}
                >
                  {t.id}
                </button>
              </td>
              <td>
                <select
                  aria-label={`Label of ${t.id}`}
                  value={t.label}
                  disabled={props.readOnly}
                  onChange={(e) => props.onLabel(t.id, e.target.value)}
                >
                  {props.labels.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              </td>
              <td>{t.keyframes.length}</td>
              <td>
                {runsText(runs)} ({presentFrames(runs)} frames)
              </td>
              {!props.readOnly && (
                <td>
                  <button type="button" aria-label={`Remove ${t.id}`} onClick={() => props.onRemove(t.id)}>
                    ×
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
