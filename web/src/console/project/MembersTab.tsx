import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../../core/api/client-errors.ts';
import type { Role } from '../../../../core/api/users.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { isManager, useUser } from '../../app/session.tsx';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Explained } from '../../ui/errors.ts';
import { Name } from '../../ui/Name.tsx';
import { Field } from '../Field.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';
import { ModelJudgePanel } from './ModelJudgePanel.tsx';
import { PendingInvitations } from './PendingInvitations.tsx';

/** The generic not-found sentence is about links; when adding, it means the email has no account. */
const noAccount = (email: string) => (err: unknown) =>
  err instanceof ApiError && err.code === 'NOT_FOUND'
    ? new Explained(
        `No account has the email ${email}. Invite it instead: it joins when an account with this email is created or signs in.`,
      )
    : err;

/**
 * Who works on the project: the list, adding or inviting by email with a project role, pending
 * invitations, and removal. Admins and managers may add an account by email at once; a project
 * manager invites the address, and learns nothing about whether it has an account.
 */
export function MembersTab({ projectId, manage }: { projectId: number; manage: boolean }) {
  const lookup = isManager(useUser());
  const members = useLoad(
    (signal) => call('listMembers', { params: { projectId }, signal }),
    `m${projectId}`,
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('annotator');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const [invited, setInvited] = useState(0);

  /** A new action starts: the answer to the previous one (here or on an invitation) is stale. */
  const [starts, setStarts] = useState(0);
  const starting = () => {
    setError(null);
    setNotice('');
    setStarts((n) => n + 1);
  };
  const run = async (action: () => Promise<string>, explain = (err: unknown) => err) => {
    starting();
    try {
      setNotice(await action());
      members.reload();
    } catch (err) {
      setError(explain(err));
    }
  };
  const add = () =>
    run(async () => {
      const m = await call('addMember', { params: { projectId }, body: { email, role } });
      setEmail('');
      return `${isolatedName(m?.name ?? email)} is on this project as ${m?.role ?? role}.`;
    }, noAccount(email));
  const invite = () =>
    run(async () => {
      const i = await call('createInvitation', { params: { projectId }, body: { email, role } });
      setEmail('');
      setInvited((n) => n + 1);
      return `Invited ${i?.email ?? email} as ${i?.role ?? role}: they join this project when they next sign in, or when their account is created.`;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void (lookup ? add() : invite());
  };
  const remove = (userId: number, name: string) =>
    run(async () => {
      await call('removeMember', { params: { projectId, userId } });
      return `${isolatedName(name)} was removed from the project; their annotations are kept.`;
    });

  const items = members.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {manage && (
        <form className="row align-end" onSubmit={submit}>
          <Field label="Email">
            {(c) => (
              <input {...c} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
            )}
          </Field>
          <Field label="Role">
            {(c) => (
              <select {...c} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                <option value="annotator">annotator (takes items, sees own work)</option>
                <option value="reviewer">reviewer (sees every item and annotation)</option>
                <option value="manager">manager (manages this project)</option>
              </select>
            )}
          </Field>
          <button type="submit" className="primary">
            {lookup ? 'Add member' : 'Invite'}
          </button>
          {lookup && (
            <button
              type="button"
              onClick={(e) => {
                if (e.currentTarget.form?.reportValidity()) void invite();
              }}
            >
              Invite instead
            </button>
          )}
        </form>
      )}
      <ErrorAlert error={error ?? members.error} />
      <p role="status">{notice}</p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Project members</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">Project role</th>
              <th scope="col">Added</th>
              {manage && <th scope="col">Actions</th>}
            </tr>
          </thead>
          <tbody>
            {items.map((m) => (
              <tr key={m.userId}>
                <td>
                  <Name text={m.name} />
                  {m.kind === 'model' && (
                    <>
                      {' '}
                      <span className="status status-model">model</span>
                    </>
                  )}
                </td>
                <td>{m.email ? <Name text={m.email} /> : '—'}</td>
                <td>{m.role}</td>
                <td>{formatTime(m.addedAt)}</td>
                {manage && (
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(m.userId, m.name)}>
                      Remove<span className="visually-hidden"> {isolatedName(m.name)}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {members.data && items.length === 0 && (
        <p className="muted">No members yet. {manage ? 'Add or invite people by email.' : ''}</p>
      )}
      {manage && (
        <PendingInvitations onStart={starting} starts={starts} projectId={projectId} version={invited} />
      )}
      {manage && <ModelJudgePanel projectId={projectId} onChanged={members.reload} />}
    </section>
  );
}
