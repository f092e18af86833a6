import { useState } from 'react';
import { call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { formatTime } from '../console/format.ts';
import { InviteForm, type MadeInvite } from '../console/invites/InviteForm.tsx';
import { OneTimeLink } from '../console/OneTimeLink.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { useLoad } from '../console/useLoad.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import { Name } from '../ui/Name.tsx';
import '../console/console.css';

/** The link just made, once, with a copy button; dismissing it forgets it. */
function MadeLink({ made, onDismiss }: { made: MadeInvite; onDismiss(): void }) {
  return (
    <OneTimeLink
      title={made.email ? `Invite link for ${made.email}` : 'Invite link'}
      label="Invite link"
      url={made.url}
      expiresAt={made.expiresAt}
      onDismiss={onDismiss}
    />
  );
}

/**
 * Invite links (docs/onboarding.md): make one (shown once), see every link with its status, and
 * withdraw a pending one. Admins and managers see every link; a project manager their own.
 */
export function Invites() {
  useTitle('Invites');
  const list = useLoad((signal) => call('listInvites', { query: {}, signal }), 'invites');
  const [made, setMade] = useState<MadeInvite | null>(null);
  const [error, setError] = useState<unknown>(null);
  const revoke = async (id: number) => {
    setError(null);
    try {
      await call('revokeInvite', { params: { inviteId: id } });
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const items = list.data?.items ?? [];
  return (
    <div className="stack">
      <PageHead title="Invites" />
      <InviteForm
        onMade={(m) => {
          setMade(m);
          list.reload();
        }}
      />
      {made && <MadeLink made={made} onDismiss={() => setMade(null)} />}
      <ErrorAlert error={error ?? list.error} />
      {list.data && items.length === 0 && <p className="muted">No invite links yet.</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Invite links</caption>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Role</th>
                <th scope="col">Projects</th>
                <th scope="col">Status</th>
                <th scope="col">Made by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>{i.email ?? 'anyone with the link'}</td>
                  <td>{i.role}</td>
                  <td>
                    {i.projects.map((p, n) => (
                      <span key={p.projectId}>
                        {n > 0 && ', '}
                        <Name text={p.name} /> ({p.role})
                      </span>
                    ))}
                  </td>
                  <td>{i.forImportedAccount ? `${i.status} (imported account)` : i.status}</td>
                  <td>
                    <Name text={i.createdBy.name} />
                  </td>
                  <td>
                    <time dateTime={i.expiresAt}>{formatTime(i.expiresAt)}</time>
                  </td>
                  <td>
                    {i.status === 'pending' && (
                      <button type="button" onClick={() => void revoke(i.id)}>
                        Withdraw<span className="visually-hidden"> the invite for {i.email ?? 'anyone'}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
