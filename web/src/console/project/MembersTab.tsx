import { type FormEvent, useState } from 'react';
import type { Role } from '../../../../core/api/users.ts';
import { ApiError, call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { formatTime } from '../format.ts';
import { useLoad } from '../useLoad.ts';

/** The generic not-found sentence is about links; when adding, it means the email has no account. */
const noAccount = (email: string) => (err: unknown) =>
  err instanceof ApiError && err.code === 'NOT_FOUND'
    ? new ApiError(
        'NO_ACCOUNT',
        `No account has the email ${email}. An admin can create it on the Users page; then add it here.`,
        404,
      )
    : err;

/** Who works on the project: the list, adding by email with a project role, and removal. */
export function MembersTab({ projectId, manage }: { projectId: number; manage: boolean }) {
  const members = useLoad(
    (signal) => call('listMembers', { params: { projectId }, signal }),
    `m${projectId}`,
  );
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('annotator');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const run = async (action: () => Promise<string>, explain = (err: unknown) => err) => {
    setError(null);
    try {
      setNotice(await action());
      members.reload();
    } catch (err) {
      setError(explain(err));
      setNotice('');
    }
  };
  const add = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const m = await call('addMember', { params: { projectId }, body: { email, role } });
      setEmail('');
      return `${m?.name ?? email} is on this project as ${m?.role ?? role}.`;
    }, noAccount(email));
  };
  const remove = (userId: number, name: string) =>
    run(async () => {
      await call('removeMember', { params: { projectId, userId } });
      return `${name} was removed from the project; their annotations are kept.`;
    });

  const items = members.data?.items ?? [];
  return (
    <section className="stack" aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {manage && (
        <form className="row align-end" onSubmit={add}>
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
            Add member
          </button>
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
                <td>{m.name}</td>
                <td>{m.email ?? '—'}</td>
                <td>{m.role}</td>
                <td>{formatTime(m.addedAt)}</td>
                {manage && (
                  <td>
                    <button type="button" className="danger" onClick={() => void remove(m.userId, m.name)}>
                      Remove<span className="visually-hidden"> {m.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {members.data && items.length === 0 && (
        <p className="muted">No members yet. Add annotators by email.</p>
      )}
    </section>
  );
}
