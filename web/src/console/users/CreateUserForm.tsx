import { type FormEvent, useState } from 'react';
import { type Role, roleAbilities, roles } from '../../../../core/api/users.ts';
import { isolatedName } from '../../../../core/names.ts';
import { call } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/Alert.tsx';
import { Field } from '../Field.tsx';
import { apiPathErrors, messagesAt } from '../pathErrors.ts';

const empty = { email: '', name: '', role: 'annotator' as Role, password: '' };

/** An admin creates an account; the initial password is optional (without one, no sign-in yet). */
export function CreateUserForm({
  onStart,
  onCreated,
}: {
  onStart(): void;
  onCreated(message: string): void;
}) {
  const [v, setV] = useState(empty);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = apiPathErrors(error, 'body.');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    onStart();
    setError(null);
    setBusy(true);
    try {
      const body = {
        email: v.email,
        name: v.name,
        role: v.role,
        ...(v.password ? { password: v.password } : {}),
      };
      const user = await call('createUser', { body });
      setV(empty);
      onCreated(
        `Created ${isolatedName(user?.name ?? v.name)} (${user?.email ?? v.email}) as ${user?.role ?? v.role}.`,
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card stack" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">Create a user</h2>
      <div className="editor-grid">
        <Field label="Email" errors={messagesAt(errors, 'email')}>
          {(c) => (
            <input
              {...c}
              type="email"
              required
              value={v.email}
              onChange={(e) => setV({ ...v, email: e.target.value })}
            />
          )}
        </Field>
        <Field label="Name" errors={messagesAt(errors, 'name')}>
          {(c) => (
            <input {...c} required value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
          )}
        </Field>
        <Field label="Role" hint={roleAbilities[v.role]} errors={messagesAt(errors, 'role')}>
          {(c) => (
            <select {...c} value={v.role} onChange={(e) => setV({ ...v, role: e.target.value as Role })}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label="Initial password"
          hint="At least 10 characters. Share it safely; they can change it on their profile."
          errors={messagesAt(errors, 'password')}
        >
          {(c) => (
            <input
              {...c}
              type="password"
              autoComplete="new-password"
              minLength={10}
              value={v.password}
              onChange={(e) => setV({ ...v, password: e.target.value })}
            />
          )}
        </Field>
      </div>
      {errors.length === 0 && <ErrorAlert error={error} />}
      <button type="submit" className="primary self-start" disabled={busy}>
        Create user
      </button>
    </form>
  );
}
