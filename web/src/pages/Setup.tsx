import { type FormEvent, useEffect, useState } from 'react';
import { call } from '../api/client.ts';
import { Link, navigate, useTitle } from '../app/router.tsx';
import { useSession } from '../app/session.tsx';
import { Field } from '../console/Field.tsx';
import { apiPathErrors, controlId, messagesAt, type PathError } from '../console/pathErrors.ts';
import { type FirstAdminForm, firstAdminProblems } from '../console/users/first-admin.ts';
import { ErrorAlert } from '../ui/Alert.tsx';
import '../console/console.css';

type Needed = 'loading' | 'needed' | 'done' | 'unknown';

/**
 * First run (docs/security.md#first-run-setup-link): the one-time link the server prints while it
 * has no admin leads here. The first admin gives their email, name and password, and lands signed
 * in on the console. The token is read from the URL's fragment, which the browser never sends to
 * the server, so it stays out of access logs.
 */
export function Setup() {
  useTitle('Set up Verity');
  const { adopt } = useSession();
  const [token] = useState(() => new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '');
  const [needed, setNeeded] = useState<Needed>('loading');
  const [form, setForm] = useState<FirstAdminForm>({ email: '', name: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<PathError[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call('setupStatus').then(
      (s) => setNeeded(s?.needed === false ? 'done' : 'needed'),
      () => setNeeded('unknown'),
    );
  }, []);

  const focusFirst = (problems: readonly PathError[]) => {
    const first = problems[0];
    if (first) document.getElementById(controlId(first.path))?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const problems = firstAdminProblems(form);
    setErrors(problems);
    if (problems.length > 0) return focusFirst(problems);
    setBusy(true);
    try {
      const { confirm: _, ...fields } = form;
      const session = await call('completeSetup', { body: { token, ...fields } });
      if (session) adopt(session);
      navigate('/', { replace: true, force: true });
    } catch (err) {
      const fieldErrors = apiPathErrors(err, 'body.');
      setErrors(fieldErrors);
      if (fieldErrors.length > 0) focusFirst(fieldErrors);
      else setError(err);
      setBusy(false);
    }
  };

  if (needed === 'loading') return <p className="loading">Loading…</p>;
  if (needed === 'done') {
    return (
      <main className="signin stack">
        <h1>Verity is set up</h1>
        <p>It has an admin already, so this setup link has no use any more. Sign in with your account.</p>
        <Link to="/" className="button primary">
          Go to sign-in
        </Link>
      </main>
    );
  }
  const field = (path: keyof FirstAdminForm, label: string, input: object, hint?: string) => (
    <Field label={label} path={path} errors={messagesAt(errors, path)} {...(hint ? { hint } : {})}>
      {(c) => (
        <input
          {...c}
          {...input}
          value={form[path]}
          onChange={(e) => setForm((f) => ({ ...f, [path]: e.target.value }))}
        />
      )}
    </Field>
  );
  return (
    <main className="signin">
      <h1>Set up Verity</h1>
      {token ? (
        <form onSubmit={submit} className="stack" noValidate aria-describedby="setup-intro">
          <p id="setup-intro">
            Create the first admin account. You will be signed in with it, and can then add the people who
            work here.
          </p>
          {field('email', 'Email', { type: 'email', autoComplete: 'username' })}
          {field('name', 'Name', { type: 'text', autoComplete: 'name' })}
          {field(
            'password',
            'Password',
            { type: 'password', autoComplete: 'new-password' },
            'At least 10 characters.',
          )}
          {field('confirm', 'Confirm password', { type: 'password', autoComplete: 'new-password' })}
          <ErrorAlert error={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create admin account'}
          </button>
        </form>
      ) : (
        <p role="alert" className="alert alert-error">
          This link is incomplete: it has no token. Copy the whole setup link from the terminal where the
          server runs (it ends in <code>#token=…</code>) and open it again.
        </p>
      )}
    </main>
  );
}
