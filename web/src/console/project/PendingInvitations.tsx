import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';

/**
 * Invitations not yet taken up, by the email typed when inviting; each can be cancelled. `version`
 * changes whenever the members tab sends one, to load the list again.
 */
export function PendingInvitations({
  projectId,
  version,
  starts,
  onStart,
}: {
  projectId: number;
  version: number;
  /** Counts the actions started on the members tab, this list's included. */
  starts: number;
  /** An action starts here: the members tab clears its own notice. */
  onStart(): void;
}) {
  const list = useLoad(
    (signal) => call('listInvitations', { params: { projectId }, signal }),
    `i${projectId}:${version}`,
  );
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  // Another action started on the tab: the notice of an earlier cancel is stale.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when `starts` changes
  useEffect(() => setNotice(''), [starts]);
  const cancel = async (id: number, email: string) => {
    onStart();
    setError(null);
    try {
      await call('cancelInvitation', { params: { projectId, invitationId: id } });
      setNotice(`The invitation of ${email} is cancelled.`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <section className="stack-tight" aria-labelledby="invitations-title">
      <h3 id="invitations-title">Pending invitations</h3>
      <ErrorAlert error={error ?? list.error} />
      <p role="status">{notice}</p>
      {list.data && items.length === 0 ? (
        <p className="muted">No pending invitations.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Project role</th>
                <th scope="col">Invited</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <Name text={i.email} />
                  </td>
                  <td>{i.role}</td>
                  <td>{formatTime(i.createdAt)}</td>
                  <td>
                    <button type="button" onClick={() => void cancel(i.id, i.email)}>
                      Cancel<span className="visually-hidden"> the invitation of {i.email}</span>
                    </button>
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
