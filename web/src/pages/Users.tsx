import { useState } from 'react';
import type { User } from '../../../core/api/users.ts';
import { isolatedName } from '../../../core/names.ts';
import { call } from '../api/client.ts';
import { navigate, useLocation, useTitle } from '../app/router.tsx';
import { useUser } from '../app/session.tsx';
import { PageHead } from '../console/PageHead.tsx';
import { Pager } from '../console/Pager.tsx';
import { useCursorPages } from '../console/useCursorPages.ts';
import { useLoad } from '../console/useLoad.ts';
import { BulkStatus } from '../console/users/BulkStatus.tsx';
import { CreateUserForm } from '../console/users/CreateUserForm.tsx';
import { ImportUsers } from '../console/users/ImportUsers.tsx';
import { type MadeLink, ResetLink } from '../console/users/ResetLink.tsx';
import { RoleGuide } from '../console/users/RoleGuide.tsx';
import { UserRow } from '../console/users/UserRow.tsx';
import { UserSearch } from '../console/users/UserSearch.tsx';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

/**
 * Accounts (admin): search, create, change role, suspend and unsuspend, make password reset links;
 * select rows to suspend, offboard or reinstate them at once.
 * A success notice answers the last action only: it clears as the next one starts.
 */
export function Users() {
  useTitle('Users');
  const me = useUser();
  const q = useLocation().query.get('q') ?? '';
  const pages = useCursorPages();
  const list = useLoad(
    (signal) =>
      call('listUsers', {
        query: { limit: 50, ...(pages.cursor ? { cursor: pages.cursor } : {}), ...(q ? { q } : {}) },
        signal,
      }),
    `${q}\n${pages.cursor ?? ''}`,
  );
  const [changed, setChanged] = useState<Map<number, User>>(new Map());
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [resetLink, setResetLink] = useState<MadeLink | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  if (me.role !== 'admin') return <p role="alert">Only admins manage users.</p>;
  const rows = (list.data?.items ?? []).map((u) => changed.get(u.id) ?? u);
  /** A new action starts: the answer to the previous one no longer applies. */
  const starting = () => {
    setNotice('');
    setError(null);
  };
  const search = (text: string) => {
    starting();
    pages.reset();
    navigate(text ? `/users?q=${encodeURIComponent(text)}` : '/users', { replace: true });
  };
  const onChanged = (u: User, message: string) => {
    setChanged(new Map(changed).set(u.id, u));
    setError(null);
    setNotice(message);
  };
  const resetPassword = async (u: User) => {
    starting();
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
        onStart={starting}
        onCreated={(message) => {
          setNotice(message);
          list.reload();
        }}
      />
      <ImportUsers
        onApplied={(message) => {
          setNotice(message);
          list.reload();
        }}
      />
      <p role="status" className="ok-text">
        {notice}
      </p>
      <ErrorAlert error={error ?? list.error} />
      {resetLink && <ResetLink link={resetLink} onDismiss={() => setResetLink(null)} />}
      <RoleGuide />
      <UserSearch q={q} onSearch={search} />
      <BulkStatus
        selected={rows.filter((u) => selected.has(u.id))}
        onStart={starting}
        onError={setError}
        onDone={(message) => {
          setNotice(message);
          setSelected(new Set());
          setChanged(new Map());
          list.reload();
        }}
      />
      {list.data && rows.length === 0 && (
        <p className="muted">{q ? 'No user’s name or email contains this text.' : 'No users yet.'}</p>
      )}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Select</span>
              </th>
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
                selected={selected.has(u.id)}
                onSelect={(on) => {
                  const next = new Set(selected);
                  if (on) next.add(u.id);
                  else next.delete(u.id);
                  setSelected(next);
                }}
                onStart={starting}
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
