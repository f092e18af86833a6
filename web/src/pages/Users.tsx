import { useState } from 'react';
import type { User } from '../../../core/api/users.ts';
import { isolatedName } from '../../../core/names.ts';
import { call } from '../api/client.ts';
import { useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { Pager } from '../console/Pager.tsx';
import { useCursorPages } from '../console/useCursorPages.ts';
import { useLoad } from '../console/useLoad.ts';
import { CreateUserForm } from '../console/users/CreateUserForm.tsx';
import { type MadeLink, ResetLink } from '../console/users/ResetLink.tsx';
import { UserRow } from '../console/users/UserRow.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

/** Accounts (admin): create, change role, suspend and unsuspend, make password reset links. */
export function Users() {
  useTitle('Users');
  const me = useUser();
  const pages = useCursorPages();
  const list = useLoad(
    (signal) =>
      call('listUsers', { query: { limit: 50, ...(pages.cursor ? { cursor: pages.cursor } : {}) }, signal }),
    pages.cursor ?? '',
  );
  const [changed, setChanged] = useState<Map<number, User>>(new Map());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [resetLink, setResetLink] = useState<MadeLink | null>(null);
  if (me.role !== 'admin') return <p role="alert">Only admins manage users.</p>;
  const rows = (list.data?.items ?? []).map((u) => changed.get(u.id) ?? u);
  const onChanged = (u: User, message: string) => {
    setChanged(new Map(changed).set(u.id, u));
    setError(null);
    setNotice(message);
  };
  const resetPassword = async (u: User) => {
    setError(null);
    setNotice('');
    try {
      const link = await call('createPasswordReset', { params: { userId: u.id } });
      if (link) setResetLink({ name: isolatedName(u.name), ...link });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="stack">
      <PageHead title="Users" />
      <CreateUserForm
        onCreated={(message) => {
          setNotice(message);
          list.reload();
        }}
      />
      <p role="status" className="ok-text">
        {notice}
      </p>
      <ErrorAlert error={error ?? list.error} />
      {resetLink && <ResetLink link={resetLink} onDismiss={() => setResetLink(null)} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Created</th>
              <th scope="col">Access</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <UserRow
                key={u.id}
                user={u}
                self={u.id === me.id}
                onChanged={onChanged}
                onError={setError}
                onResetPassword={() => void resetPassword(u)}
              />
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label="User pages"
        page={pages.page}
        nextCursor={list.data?.nextCursor}
        onNext={pages.next}
        onPrevious={pages.previous}
      />
    </div>
  );
}
