import { useId, useState } from 'react';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';

type Status = 'all' | 'failed' | 'pending' | 'ready';

const seconds = (s: number | null) =>
  s === null ? '—' : `${s.toLocaleString(undefined, { maximumFractionDigits: 2 })} s`;

/**
 * The project's media files with their probed facts and state (docs/media.md, "Listing media"):
 * failed ones with the reason, pending ones still being probed or drawn, and Probe again for those
 * that failed or never ran (after installing ffmpeg, say).
 */
export function MediaList({ projectId, refresh }: { projectId: number; refresh: number }) {
  const id = useId();
  const [status, setStatus] = useState<Status>('all');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors[cursors.length - 1];
  const loaded = useLoad(
    (signal) =>
      call('listMedia', {
        params: { projectId },
        query: { status, limit: 50, ...(cursor ? { cursor } : {}) },
        signal,
      }),
    `media${projectId}:${status}:${cursor ?? ''}:${refresh}`,
  );
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const page = loaded.data;
  const reprobe = async (failedOnly: boolean) => {
    setError(null);
    try {
      const answer = await call('reprobeMedia', { params: { projectId }, body: { failedOnly } });
      setNote(
        answer.mediaCount === 0
          ? 'Nothing to probe again.'
          : `Probing ${answer.mediaCount.toLocaleString()} file${answer.mediaCount === 1 ? '' : 's'} again.`,
      );
      loaded.reload();
    } catch (err) {
      setError(err);
    }
  };
  const total = page ? page.counts.failed + page.counts.pending + page.counts.ready : 0;
  if (page && total === 0) return null;
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Project media</h2>
      {page && (
        <p className="muted">
          {page.counts.ready.toLocaleString()} ready, {page.counts.pending.toLocaleString()} being probed,{' '}
          {page.counts.failed.toLocaleString()} failed.
        </p>
      )}
      <div className="row">
        <label htmlFor={`${id}-status`}>Show</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => {
            setStatus(e.target.value as Status);
            setCursors([]);
          }}
        >
          <option value="all">All</option>
          <option value="failed">Failed</option>
          <option value="pending">Being probed</option>
          <option value="ready">Ready</option>
        </select>
        <button type="button" onClick={() => reprobe(true)} disabled={!page || page.counts.failed === 0}>
          Probe failed files again
        </button>
        <button type="button" onClick={() => reprobe(false)}>
          Probe everything unprobed
        </button>
      </div>
      {note && <p role="status">{note}</p>}
      <ErrorAlert error={error ?? loaded.error} />
      {page && page.items.length > 0 && (
        <table aria-label="Project media">
          <thead>
            <tr>
              <th scope="col">Reference</th>
              <th scope="col">File</th>
              <th scope="col">Type</th>
              <th scope="col">Duration</th>
              <th scope="col">Picture</th>
              <th scope="col">State</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((m) => (
              <tr key={m.id}>
                <td>
                  <code>{m.ref}</code>
                </td>
                <td>{m.originalName ?? m.sourceUrl ?? '—'}</td>
                <td>{m.contentType}</td>
                <td>{seconds(m.facts.durationSeconds)}</td>
                <td>
                  {m.facts.width && m.facts.height ? `${m.facts.width}×${m.facts.height}` : '—'}
                  {m.facts.frameRateValue ? `, ${m.facts.frameRateValue.toFixed(3)} fps` : ''}
                </td>
                <td>
                  {m.status === 'failed' ? (
                    <span className="error-text">Failed: {m.facts.probeError ?? m.peaksError}</span>
                  ) : m.status === 'pending' ? (
                    'Being probed'
                  ) : (
                    'Ready'
                  )}
                </td>
                <td>{formatTime(m.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="row">
        {cursors.length > 0 && (
          <button type="button" onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </button>
        )}
        {page?.nextCursor && (
          <button type="button" onClick={() => setCursors((c) => [...c, page.nextCursor!])}>
            Older
          </button>
        )}
      </div>
    </section>
  );
}
