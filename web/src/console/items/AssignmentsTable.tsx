import { useState } from 'react';
import type { z } from 'zod';
import type { ItemAssignment } from '../../../../core/api/assignments.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';

const statusNames = {
  locked: 'Locked',
  submitted: 'Submitted',
  skipped: 'Skipped',
  expired: 'Expired',
} as const;

/**
 * Claims without a submitted annotation to show: live locks, skips (with reasons) and expiries,
 * each named by its person. `onReturn`, given to managers, sends a skip back to its annotator's
 * queue.
 */
export function AssignmentsTable({
  assignments,
  onReturn,
}: {
  assignments: z.output<typeof ItemAssignment>[];
  onReturn?: ((assignmentId: number) => Promise<void>) | undefined;
}) {
  const [busy, setBusy] = useState<number>();
  const [error, setError] = useState<unknown>();
  if (assignments.length === 0) return null;
  const send = async (id: number) => {
    setBusy(id);
    setError(undefined);
    try {
      await onReturn?.(id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section className="stack-tight" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Assignments</h2>
      <ErrorAlert error={error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              <th scope="col">Status</th>
              <th scope="col">Claimed</th>
              <th scope="col">Lock expires</th>
              <th scope="col">Skip reason</th>
              {onReturn && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {assignments.map((s) => (
              <tr key={s.id}>
                <td>
                  <Name text={s.annotator} />
                </td>
                <td>{statusNames[s.status]}</td>
                <td>{formatTime(s.createdAt)}</td>
                <td>{s.status === 'locked' ? formatTime(s.lockExpiresAt) : '—'}</td>
                <td>{s.skipReason ?? '—'}</td>
                {onReturn && (
                  <td>
                    {s.status === 'skipped' && (
                      <button type="button" disabled={busy !== undefined} onClick={() => void send(s.id)}>
                        Return to their queue
                        <span className="visually-hidden">
                          {' '}
                          (<Name text={s.annotator} />)
                        </span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
