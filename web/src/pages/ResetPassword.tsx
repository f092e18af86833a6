import { type FormEvent, useState } from 'react';
import { call } from '../api/client.ts';
import { Link, useTitle } from '../app/router.tsx';
import { Field } from '../console/Field.tsx';
import { apiPathErrors, messagesAt, type PathError } from '../console/pathErrors.ts';
import { newPasswordProblems } from '../console/users/new-password.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

/**
 * Sets a new password with a one-time link an admin made (docs/security.md#password-reset-links):
 * the new password twice, then the person signs in with it. The token is read from the URL's
 * fragment, which the browser never sends to the server.
 */
export function ResetPassword() {
  useTitle('Set a new password');
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problems = newPasswordProblems(next, confirm);
    setErrors(problems);
    if (problems.length > 0) return;
    setBusy(true);
    try {
      await call('resetPassword', { body: { token, newPassword: next } });
      setDone(true);
    } catch (err) {
      setError(err);
      setErrors(apiPathErrors(err, 'body.'));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <main className="signin stack">
        <h1>Your password is set</h1>
        <p role="status">
          Sign in with your email and the new password. Any session you had elsewhere has ended.
        </p>
        <Link to="/" className="button primary">
          Go to sign-in
        </Link>
      </main>
    );
  }
  const input = (value: string, set: (v: string) => void) => (c: object) => (
    <input
      {...c}
      type="password"
      autoComplete="new-password"
      value={value}
      onChange={(e) => set(e.target.value)}
    />
  );
  return (
    <main className="signin">
      <h1>Set a new password</h1>
      {token ? (
        <form onSubmit={submit} className="stack" noValidate>
          <Field
            label="New password"
            hint="At least 10 characters."
            errors={messagesAt(errors, 'newPassword')}
          >
            {input(next, setNext)}
          </Field>
          <Field label="Confirm new password" errors={messagesAt(errors, 'confirm')}>
            {input(confirm, setConfirm)}
          </Field>
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Setting…' : 'Set password'}
          </button>
        </form>
      ) : (
        <p role="alert" className="alert alert-error">
          This link is incomplete: it has no token. Open the whole link you were given, or ask an admin for a
          new one.
        </p>
      )}
    </main>
  );
}
