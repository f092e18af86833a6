import { useRef, useState } from 'react';
import { type Role, roles, type User } from '../../../../core/api/users.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { Name } from '../../ui/Name.tsx';
import { formatTime } from '../format.ts';

/**
 * One account: its role can be changed in place; suspending asks for confirmation in the row
 * itself (focus moves to the confirm button, Cancel returns it). An active account with a login
 * can get a password reset link.
 */
export function UserRow(props: {
  user: User;
  self: boolean;
  /** Picked for a bulk action (the page's BulkStatus); the caller's own row cannot be. */
  selected: boolean;
  onSelect(on: boolean): void;
  /** An action on this row starts (the page clears the answer to the previous one). */
  onStart(): void;
  onChanged(user: User, message: string): void;
  onError(err: unknown): void;
  /** Makes a password reset link for this user (shown by the page). */
  onResetPassword(): void;
}) {
  const { user: u } = props;
  const [confirming, setConfirming] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const suspend = u.status === 'active';
  /** The name inside sentences and labels (isolated, invisible characters written out). */
  const name = isolatedName(u.name);
  const update = async (body: { role?: Role; status?: 'active' | 'suspended' }, message: string) => {
    props.onStart();
    try {
      const user = await call('updateUser', { params: { userId: u.id }, body });
      if (user) props.onChanged(user, message);
    } catch (err) {
      props.onError(err);
    }
  };
  const confirm = async () => {
    setConfirming(false);
    await update(
      { status: suspend ? 'suspended' : 'active' },
      `${name} is ${suspend ? 'suspended' : 'active again'}.`,
    );
    requestAnimationFrame(() => toggleRef.current?.focus());
  };
  return (
    <tr>
      <td>
        <input
          type="checkbox"
          aria-label={`Select ${name}`}
          checked={props.selected}
          disabled={props.self || u.external}
          onChange={(e) => props.onSelect(e.target.checked)}
        />
      </td>
      <th scope="row">
        <Name text={u.name} />
      </th>
      <td>{u.email ? <Name text={u.email} /> : 'external annotator'}</td>
      <td>
        <select
          aria-label={`Access level for ${name}`}
          value={u.role}
          disabled={props.self || u.external}
          onChange={(e) => void update({ role: e.target.value as Role }, `${name} is now ${e.target.value}.`)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </td>
      <td>
        <span className={`status status-${u.status}`}>{u.offboardedAt ? 'offboarded' : u.status}</span>
        {u.contractEnd && <span className="muted"> until {formatTime(u.contractEnd)}</span>}
      </td>
      <td>{formatTime(u.createdAt)}</td>
      <td>
        {props.self || u.external ? (
          <span className="muted">—</span>
        ) : confirming ? (
          <fieldset className="row confirm">
            <legend className="visually-hidden">{`Confirm ${suspend ? 'suspension' : 'restoring'} of ${name}`}</legend>
            <button
              type="button"
              className={suspend ? 'danger' : 'primary'}
              ref={(el) => el?.focus()}
              onClick={() => void confirm()}
            >
              {suspend ? `Yes, suspend ${name}` : `Yes, unsuspend ${name}`}
            </button>
            <button
              type="button"
              onClick={() => {
                setConfirming(false);
                requestAnimationFrame(() => toggleRef.current?.focus());
              }}
            >
              Cancel
            </button>
          </fieldset>
        ) : (
          <div className="row">
            <button
              type="button"
              ref={toggleRef}
              onClick={() => {
                props.onStart();
                setConfirming(true);
              }}
            >
              {suspend ? 'Suspend' : 'Unsuspend'}
              <span className="visually-hidden"> {name}</span>
            </button>
            {u.status === 'active' && (
              <button type="button" onClick={props.onResetPassword}>
                Reset password
                <span className="visually-hidden"> of {name}</span>
              </button>
            )}
          </div>
        )}
      </td>
    </tr>
  );
}
