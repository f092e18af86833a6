import type { z } from 'zod';
import type { Assignment } from '../../../../core/api/assignments.ts';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';

/** Claims without a submitted annotation to show: live locks, skips (with reasons) and expiries. */
export function AssignmentsTable({
  assignments,
  who,
}: {
  assignments: z.output<typeof Assignment>[];
  who: (userId: number) => string;
}) {
  if (assignments.length === 0) return null;
  return (
    <section className="stack-tight" aria-labelledby="assignments-title">
      <h2 id="assignments-title">Assignments</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Annotator</th>
              <th scope="col">Status</th>
              <th scope="col">Claimed</th>
              <th scope="col">Lock expires</th>
              <th scope="col">Skip reason</th>
            </tr>
          </thead>
          <tbody>
            {assignments.map((s) => (
              <tr key={s.id}>
                <td>
                  <Name text={who(s.userId)} />
                </td>
                <td>{s.status}</td>
                <td>{formatTime(s.createdAt)}</td>
                <td>{s.status === 'locked' ? formatTime(s.lockExpiresAt) : '—'}</td>
                <td>{s.skipReason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
